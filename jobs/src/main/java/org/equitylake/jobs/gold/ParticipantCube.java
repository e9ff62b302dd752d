package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Awarded households of silver.enrolments, placed by geocoding and measured to the nearest site,
 * counted by every key the gold tables break them down by. The result has one row per distinct
 * combination of keys, so it stays small whatever the number of households, and is collected to
 * the driver. Bands come from {@link Groups}, one definition shared with the driver's code.
 */
public final class ParticipantCube {
    public static final String ELIGIBLE = "eligible";
    public static final String OVER_LIMIT = "over_limit";
    public static final String UNKNOWN = "unknown";
    /** Width of the distance bins of the decay fit, metres (about a quarter mile). */
    public static final double DECAY_BIN_M = 400;
    /** Distances beyond this many bins share the last one. */
    public static final int DECAY_BINS = 20;

    private static final UserDefinedFunction INCOME_BAND = udf((UDF3<Double, Double, Boolean, String>) Groups::incomeBand,
            DataTypes.StringType);
    private static final UserDefinedFunction SIZE_GROUP = udf((UDF1<Integer, String>) Groups::sizeGroup, DataTypes.StringType);
    private static final UserDefinedFunction LANGUAGE_GROUP = udf((UDF1<String, String>) Groups::languageGroup, DataTypes.StringType);
    private static final UserDefinedFunction DISTANCE_BAND = udf((UDF1<Double, String>) Groups::distanceBand, DataTypes.StringType);

    private ParticipantCube() {}

    /**
     * @param enrolments silver.enrolments of one program (every year)
     * @param geocodes silver.geocodes: address_key, tract_geoid, is_in_city
     * @param siteAccess silver.site_access: address_key, program, year, nearest_site_distance_m
     * @param raceAcsGroup the configured mapping from silver race/ethnicity codes to ACS groups
     */
    public static Dataset<Row> of(Dataset<Row> enrolments, Dataset<Row> geocodes, Dataset<Row> siteAccess,
                                  Map<String, String> raceAcsGroup) {
        Gold.requireColumns(enrolments, "silver.enrolments", "program", "program_year", "is_awarded", "is_income_eligible",
                "income_annual", "income_low", "income_high", "income_basis", "income_limit", "household_size", "language",
                "race_ethnicity", "award_amount", "address_key");
        Gold.requireColumns(geocodes, "silver.geocodes", "address_key", "tract_geoid", "is_in_city");
        Gold.requireColumns(siteAccess, "silver.site_access", "address_key", "program", "year", "nearest_site_distance_m");
        Dataset<Row> places = geocodes.select(col("address_key").as("_g_key"), col("tract_geoid"), col("is_in_city"))
                .dropDuplicates("_g_key");
        Dataset<Row> access = siteAccess.select(col("address_key").as("_s_key"), col("program").as("_s_program"),
                col("year").as("_s_year"), col("nearest_site_distance_m").as("distance_m"))
                .dropDuplicates("_s_key", "_s_program", "_s_year");
        Dataset<Row> awarded = enrolments.filter(col("is_awarded").equalTo(true));
        Dataset<Row> placed = awarded
                .join(places, awarded.col("address_key").equalTo(places.col("_g_key")), "left")
                .join(access, awarded.col("address_key").equalTo(access.col("_s_key"))
                        .and(awarded.col("program").equalTo(access.col("_s_program")))
                        .and(awarded.col("program_year").equalTo(access.col("_s_year"))), "left");
        Column distance = col("distance_m");
        Column bin = when(distance.isNotNull(), org.apache.spark.sql.functions.least(
                floor(distance.divide(DECAY_BIN_M)).cast("int"), lit(DECAY_BINS)));
        return placed
                .withColumn("eligibility", when(col("is_income_eligible").equalTo(true), lit(ELIGIBLE))
                        .when(col("is_income_eligible").equalTo(false), lit(OVER_LIMIT)).otherwise(lit(UNKNOWN)))
                .withColumn("is_in_city", coalesce(col("is_in_city"), lit(false)))
                .withColumn("income_band", INCOME_BAND.apply(col("income_annual").cast("double"),
                        col("income_limit").cast("double"), col("is_income_eligible")))
                .withColumn("size_group", SIZE_GROUP.apply(col("household_size").cast("int")))
                .withColumn("language_group", LANGUAGE_GROUP.apply(col("language")))
                .withColumn("race_group", raceGroup(col("race_ethnicity"), raceAcsGroup))
                .withColumn("distance_band", DISTANCE_BAND.apply(distance.cast("double")))
                .withColumn("decay_bin", bin)
                .groupBy(col("program"), col("program_year").as("year"), col("tract_geoid"), col("is_in_city"),
                        col("eligibility"), col("income_band"), col("size_group"), col("language_group"),
                        col("race_group"), col("distance_band"), col("decay_bin"))
                .agg(count(lit(1)).as("households"),
                        sum(when(isUndecided(), 1).otherwise(0)).cast("long").as("undecided"),
                        sum(coalesce(col("award_amount").cast("double"), lit(0.0))).as("dollars"),
                        coalesce(sum(distance), lit(0.0)).as("distance_sum_m"),
                        count(distance).as("with_distance"),
                        sum(when(distance.lt(Groups.MILE_M), 1).otherwise(0)).cast("long").as("within_mile"));
    }

    /**
     * Income given only as a bracket that straddles the limit: silver judged it by the bracket's
     * midpoint, so the household may be on either side.
     */
    private static Column isUndecided() {
        Column limit = col("income_limit");
        return col("income_basis").equalTo("bracket").and(col("income_low").leq(limit))
                .and(col("income_high").isNull().or(col("income_high").gt(limit)));
    }

    private static Column raceGroup(Column code, Map<String, String> acsGroupOf) {
        Column lower = org.apache.spark.sql.functions.lower(org.apache.spark.sql.functions.trim(code));
        Column out = lit(Groups.NOT_REPORTED);
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(acsGroupOf).entrySet()) {
            if (Groups.RACE_GROUPS.contains(e.getValue())) {
                out = when(lower.equalTo(e.getKey().toLowerCase(java.util.Locale.ROOT)), lit(e.getValue())).otherwise(out);
            }
        }
        return when(code.isNull(), lit(Groups.NOT_REPORTED)).otherwise(out);
    }

    /** One collected row of the cube. */
    public record Cell(
            int year,
            String tract,
            boolean isInCity,
            String eligibility,
            String incomeBand,
            String sizeGroup,
            String languageGroup,
            String raceGroup,
            String distanceBand,
            Integer decayBin,
            long households,
            long undecided,
            double dollars,
            double distanceSumM,
            long withDistance,
            long withinMile) implements Serializable {

        public String group(String dimension) {
            return switch (dimension) {
                case Groups.HOUSEHOLD_INCOME_BAND -> incomeBand;
                case Groups.HOUSEHOLD_SIZE -> sizeGroup;
                case Groups.LANGUAGE -> languageGroup;
                case Groups.RACE_ETHNICITY -> raceGroup;
                case Groups.DISTANCE_BAND -> distanceBand;
                default -> throw new IllegalArgumentException("not a household dimension: " + dimension);
            };
        }
    }

    public static List<Cell> collect(Dataset<Row> cube) {
        List<Cell> cells = new ArrayList<>();
        for (Row r : cube.collectAsList()) {
            cells.add(new Cell(r.getInt(r.fieldIndex("year")), r.getString(r.fieldIndex("tract_geoid")),
                    r.getBoolean(r.fieldIndex("is_in_city")), r.getString(r.fieldIndex("eligibility")),
                    r.getString(r.fieldIndex("income_band")), r.getString(r.fieldIndex("size_group")),
                    r.getString(r.fieldIndex("language_group")), r.getString(r.fieldIndex("race_group")),
                    r.getString(r.fieldIndex("distance_band")),
                    r.isNullAt(r.fieldIndex("decay_bin")) ? null : r.getInt(r.fieldIndex("decay_bin")),
                    r.getLong(r.fieldIndex("households")), r.getLong(r.fieldIndex("undecided")), r.getDouble(r.fieldIndex("dollars")),
                    r.getDouble(r.fieldIndex("distance_sum_m")), r.getLong(r.fieldIndex("with_distance")),
                    r.getLong(r.fieldIndex("within_mile"))));
        }
        return cells;
    }
}
