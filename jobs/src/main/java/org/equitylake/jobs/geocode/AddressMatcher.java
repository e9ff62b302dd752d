package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.equitylake.identity.Similarity;

/**
 * Matches normalized addresses to the city's address points in passes, strictest first; each
 * match records its method, score and precision, each miss its reason. Pure: frames in, frame out.
 */
public final class AddressMatcher {
    /** One matching pass: the key both sides must share, and what a match by it is worth. */
    record Pass(String key, String method, double score, String precision) {}

    static final List<Pass> EXACT_PASSES = List.of(
            new Pass("key", "exact", 1.0, "address_point"),
            new Pass("key_without_zip", "exact_ignoring_zip", 0.97, "address_point"),
            new Pass("key_without_unit", "without_unit", 0.95, "building"),
            new Pass("building_without_zip", "without_unit_ignoring_zip", 0.93, "building"),
            new Pass("key_by_name", "street_name_only", 0.9, "address_point"));

    public static final String FUZZY = "fuzzy_street";
    public static final String NEAREST_NUMBER = "nearest_house_number";

    private static final UserDefinedFunction STREET_SIMILARITY = udf(
            (UDF2<String, String, Double>) (a, b) -> a == null || b == null ? 0.0 : Similarity.jaroWinkler(a, b), DataTypes.DoubleType);

    private AddressMatcher() {}

    /**
     * addresses: address_key, city and the {@link AddressParts} columns; points: address_id and the same
     * columns. Returns one row per address: address_id (null when unmatched), match_method, match_score,
     * precision_level, unmatched_reason.
     */
    public static Dataset<Row> match(Dataset<Row> addresses, Dataset<Row> points, String cityName, double fuzzyThreshold) {
        // Each pass reads what the last one left: checkpoints keep Spark from re-running every earlier pass.
        addresses = addresses.localCheckpoint();
        Dataset<Row> remaining = addresses;
        Dataset<Row> matched = null;
        for (Pass pass : EXACT_PASSES) {
            Dataset<Row> candidates = points.filter(col(pass.key()).isNotNull()).groupBy(pass.key())
                    .agg(min("address_id").as("address_id"), count(lit(1)).as("_n"),
                            countDistinct("longitude", "latitude").as("_places"));
            // Several points with one key are one match only if they stand at one place (the units of a building).
            Dataset<Row> hits = remaining.join(candidates, pass.key()).filter(col("_places").equalTo(1))
                    .select(col("address_key"), col("address_id"), lit(pass.method()).as("match_method"),
                            lit(pass.score()).as("match_score"),
                            lit(pass.precision()).as("precision_level"))
                    .localCheckpoint();
            matched = matched == null ? hits : matched.unionByName(hits);
            remaining = remaining.join(hits.select("address_key"), "address_key", "left_anti").localCheckpoint();
        }
        // The looser passes are only for addresses that say they are in this city (or say no city).
        Column inThisCity = col("city").isNull().or(lower(col("city")).equalTo(cityName.toLowerCase(java.util.Locale.ROOT)));
        Dataset<Row> local = remaining.filter(inThisCity.and(col("key").isNotNull()));

        Dataset<Row> fuzzy = fuzzyStreet(local, points, fuzzyThreshold).localCheckpoint();
        matched = matched.unionByName(fuzzy);
        local = local.join(fuzzy.select("address_key"), "address_key", "left_anti");

        Dataset<Row> nearest = nearestHouseNumber(local, points);
        matched = matched.unionByName(nearest).localCheckpoint();

        Dataset<Row> streets = points.select("street_key").distinct().withColumn("_street_known", lit(true));
        Dataset<Row> unmatched = addresses.join(matched.select("address_key"), "address_key", "left_anti")
                .join(streets, addresses.col("street_key").equalTo(streets.col("street_key")), "left")
                .select(col("address_key"), lit(null).cast("string").as("address_id"), lit(null).cast("string").as("match_method"),
                        lit(0.0).as("match_score"), lit("none").as("precision_level"),
                        when(col("problem").isNotNull(), col("problem"))
                                .when(org.apache.spark.sql.functions.not(inThisCity), lit("outside_city"))
                                .when(col("_street_known").isNull(), lit("no_such_street"))
                                .otherwise(lit("no_such_address")).as("unmatched_reason"));
        return matched.withColumn("unmatched_reason", lit(null).cast("string")).unionByName(unmatched);
    }

    /** Same house number, the most similar street name (Jaro-Winkler on the street key) above the threshold. */
    static Dataset<Row> fuzzyStreet(Dataset<Row> local, Dataset<Row> points, double threshold) {
        Dataset<Row> p = points.select(col("house_number"), col("street_key").as("_p_street"), col("unit_number").as("_p_unit"),
                col("address_id"), col("longitude"), col("latitude"));
        Dataset<Row> scored = local.select("address_key", "house_number", "street_key", "unit_number")
                .join(p, "house_number")
                .withColumn("_similarity", STREET_SIMILARITY.apply(col("street_key"), col("_p_street")))
                .filter(col("_similarity").geq(threshold).and(col("street_key").notEqual(col("_p_street"))))
                // The unit must agree when the address gives one; without one any unit of the building will do.
                .filter(col("unit_number").isNull().or(col("unit_number").eqNullSafe(col("_p_unit"))));
        var best = Window.partitionBy("address_key").orderBy(col("_similarity").desc(), col("address_id"));
        Dataset<Row> ranked = scored.withColumn("_best", org.apache.spark.sql.functions.max("_similarity").over(Window.partitionBy("address_key")))
                .filter(col("_similarity").equalTo(col("_best")));
        Dataset<Row> places = ranked.groupBy("address_key").agg(countDistinct("longitude", "latitude").as("_places"));
        return ranked.join(places, "address_key").filter(col("_places").equalTo(1))
                .withColumn("_rank", row_number().over(best)).filter(col("_rank").equalTo(1))
                .select(col("address_key"), col("address_id"), lit(FUZZY).as("match_method"),
                        col("_similarity").as("match_score"),
                        when(col("unit_number").isNull().and(col("_p_unit").isNotNull()), lit("building"))
                                .otherwise(lit("address_point")).as("precision_level"));
    }

    /**
     * The street exists but not the number: the point of the nearest number on the same side, but
     * only between two known numbers less than a block (100) away each, so a number in a gap of
     * the address layer (an unincorporated pocket, the county beyond) is not pulled into the city.
     */
    static Dataset<Row> nearestHouseNumber(Dataset<Row> local, Dataset<Row> points) {
        Column number = org.apache.spark.sql.functions.regexp_extract(col("house_number"), "^([0-9]+)", 1).cast("int");
        Dataset<Row> p = points.select(col("street_key"), number.as("_p_number"), col("address_id"));
        Dataset<Row> near = local.select(col("address_key"), col("street_key"), number.as("_number"))
                .filter(col("_number").isNotNull())
                .join(p, "street_key")
                .filter(org.apache.spark.sql.functions.pmod(col("_number"), lit(2)).equalTo(org.apache.spark.sql.functions.pmod(col("_p_number"), lit(2))))
                .withColumn("_gap", col("_p_number").minus(col("_number")))
                .filter(abs(col("_gap")).lt(100));
        Dataset<Row> bracketed = near.groupBy("address_key")
                .agg(org.apache.spark.sql.functions.max(when(col("_gap").lt(0), 1).otherwise(0)).as("_below"),
                        org.apache.spark.sql.functions.max(when(col("_gap").gt(0), 1).otherwise(0)).as("_above"))
                .filter(col("_below").equalTo(1).and(col("_above").equalTo(1))).select("address_key");
        var closest = Window.partitionBy("address_key").orderBy(abs(col("_gap")), col("address_id"));
        return near.join(bracketed, "address_key")
                .withColumn("_rank", row_number().over(closest)).filter(col("_rank").equalTo(1))
                .select(col("address_key"), col("address_id"), lit(NEAREST_NUMBER).as("match_method"),
                        lit(0.5).as("match_score"), lit("street").as("precision_level"));
    }
}
