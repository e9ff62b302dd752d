package org.equitylake.jobs.gold;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.equitylake.contracts.Contract;
import org.equitylake.spark.TableId;

/** The gold layer's tables, its inputs, and how a list of computed rows becomes a frame of its contract. */
public final class Gold {
    public static final TableId REACH = TableId.of("gold.reach");
    public static final TableId DISPARITIES = TableId.of("gold.disparities");
    public static final TableId DISPARITY_INDEX = TableId.of("gold.disparity_index");
    public static final TableId TRACT_DISPARITY = TableId.of("gold.tract_disparity");
    public static final TableId DISTANCE_EQUITY = TableId.of("gold.distance_equity");
    public static final TableId DISTANCE_DECAY = TableId.of("gold.distance_decay");
    public static final TableId INCOME_LEAKAGE = TableId.of("gold.income_leakage");
    public static final TableId NEIGHBOURHOOD_MISMATCH = TableId.of("gold.neighbourhood_mismatch");
    public static final TableId TRACT_EQUITY_INDEX = TableId.of("gold.tract_equity_index");
    public static final TableId UNMET_NEED = TableId.of("gold.unmet_need");
    public static final TableId SITING_CANDIDATES = TableId.of("gold.siting_candidates");
    public static final TableId SCORECARD = TableId.of("gold.scorecard");
    public static final TableId QUALITY = TableId.of("gold.quality");

    /** Every gold table a program run writes, partitioned by program. */
    public static final List<TableId> PROGRAM_TABLES = List.of(REACH, DISPARITIES, DISPARITY_INDEX, TRACT_DISPARITY,
            DISTANCE_EQUITY, DISTANCE_DECAY, INCOME_LEAKAGE, NEIGHBOURHOOD_MISMATCH, UNMET_NEED, SITING_CANDIDATES,
            SCORECARD, QUALITY);

    public static final TableId ACS_ESTIMATES = TableId.of("silver.acs_estimates");
    public static final TableId ENROLMENTS = TableId.of("silver.enrolments");
    public static final TableId APPLICATIONS = TableId.of("silver.applications");
    public static final TableId INCOME_LIMITS = TableId.of("silver.income_limits");
    public static final TableId GEOCODES = TableId.of("silver.geocodes");
    public static final TableId SITE_ACCESS = TableId.of("silver.site_access");
    public static final TableId CENSUS_TRACTS = TableId.of("silver.census_tracts");
    public static final TableId COUNCIL_DISTRICTS = TableId.of("silver.council_districts");
    public static final TableId CITY_LIMITS = TableId.of("silver.city_limits");
    public static final TableId PROGRAM_SITES = TableId.of("silver.program_sites");
    public static final TableId ADDRESS_POINTS = TableId.of("silver.address_points");
    public static final TableId SILVER_QUARANTINE = TableId.of("silver.quarantine");
    public static final TableId BRONZE_QUARANTINE = TableId.of("bronze.quarantine");

    private Gold() {}

    /** Fails with the missing columns' names when a transform's input lacks any of them. */
    public static void requireColumns(Dataset<Row> frame, String what, String... columns) {
        List<String> present = List.of(frame.columns());
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (!present.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + " lacks column(s) " + missing + "; it has " + present);
        }
    }

    /** One output row under construction: column name to value, checked against the contract when built. */
    public static final class RowValues {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public RowValues put(String column, Object value) {
            if (values.put(column, value) != null) {
                throw new IllegalStateException(column + " set twice");
            }
            return this;
        }

        Object get(String column) {
            return values.get(column);
        }
    }

    public static RowValues row() {
        return new RowValues();
    }

    /**
     * Rows in the contract's column order and types. A value for a column the contract does not
     * have, a missing required value, or a NaN/infinite double fails: the contract is the schema.
     */
    public static Dataset<Row> frame(SparkSession spark, Contract contract, List<RowValues> rows) {
        StructType schema = contract.sparkSchema();
        List<String> names = List.of(schema.fieldNames());
        List<Row> out = new ArrayList<>(rows.size());
        for (RowValues r : rows) {
            for (String c : r.values.keySet()) {
                if (!names.contains(c)) {
                    throw new IllegalArgumentException(contract.name() + " has no column " + c);
                }
            }
            Object[] cells = new Object[names.size()];
            for (int i = 0; i < cells.length; i++) {
                StructField f = schema.fields()[i];
                cells[i] = convert(contract.name(), f, r.get(f.name()));
            }
            out.add(RowFactory.create(cells));
        }
        return spark.createDataFrame(out, schema);
    }

    private static Object convert(String table, StructField f, Object v) {
        if (v == null) {
            if (!f.nullable()) {
                throw new IllegalArgumentException(table + "." + f.name() + " is required but null");
            }
            return null;
        }
        DataType t = f.dataType();
        if (t.equals(DataTypes.DoubleType)) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(table + "." + f.name() + " is " + d);
            }
            return d;
        }
        if (t.equals(DataTypes.LongType)) {
            return ((Number) v).longValue();
        }
        if (t.equals(DataTypes.IntegerType)) {
            return ((Number) v).intValue();
        }
        if (t.equals(DataTypes.BooleanType)) {
            return (Boolean) v;
        }
        if (t.equals(DataTypes.StringType)) {
            return v.toString();
        }
        if (t.equals(DataTypes.DateType)) {
            return v instanceof java.time.LocalDate d ? Date.valueOf(d) : (Date) v;
        }
        if (t.equals(DataTypes.TimestampType)) {
            return (Timestamp) v;
        }
        throw new IllegalArgumentException(table + "." + f.name() + ": unsupported type " + t);
    }

    /** A finite double or null: NaN and infinities (an undefined ratio) are published as null. */
    public static Double finite(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }
}
