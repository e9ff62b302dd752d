package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Bronze ACS tables (Census CSV rows as text: {@code geo_id}, {@code name}, {@code b19001_001e},
 * {@code b19001_001m}, ...) to one typed long table: year, tract, table, line, estimate, margin.
 */
public final class AcsEstimates {
    /** The ACS tables the gold layer reads, as they land in bronze ({@code bronze.acs_<id>}). */
    public static final List<String> TABLES = List.of("B19001", "B11016", "B11005", "B11001", "C16002", "B19013", "B19019");

    private static final Pattern ESTIMATE_COLUMN = Pattern.compile("^([a-z][0-9]+[a-z]?)_([0-9]{3})e$");
    private static final String NUMBER = "^-?[0-9]+(\\.[0-9]+)?$";

    private AcsEstimates() {}

    /**
     * @param bronze bronze table per ACS table id ("B19001" to the rows of bronze.acs_b19001)
     * @return year, geoid, table_id, line, estimate, moe, annotation: one row per release, tract,
     *     table and line; when a release was delivered twice, the latest ingest wins
     */
    public static Dataset<Row> fromBronze(Map<String, Dataset<Row>> bronze) {
        Dataset<Row> all = null;
        for (Map.Entry<String, Dataset<Row>> e : new TreeMap<>(bronze).entrySet()) {
            Dataset<Row> longForm = longForm(e.getKey(), e.getValue());
            all = all == null ? longForm : all.unionByName(longForm);
        }
        if (all == null) {
            throw new IllegalArgumentException("no ACS tables given");
        }
        var latest = Window.partitionBy("year", "geoid", "table_id", "line")
                .orderBy(col("_ingested_at").desc_nulls_last(), col("_row_number").desc_nulls_last());
        return all.withColumn("_rank", row_number().over(latest)).filter(col("_rank").equalTo(1))
                .select("year", "geoid", "table_id", "line", "estimate", "moe", "annotation");
    }

    static Dataset<Row> longForm(String tableId, Dataset<Row> rows) {
        String prefix = tableId.toLowerCase(Locale.ROOT);
        Gold.requireColumns(rows, "bronze.acs_" + prefix, "geo_id", "_file_year", "_ingested_at", "_row_number");
        List<Column> lines = new ArrayList<>();
        for (String c : rows.columns()) {
            Matcher m = ESTIMATE_COLUMN.matcher(c);
            if (m.matches() && m.group(1).equals(prefix)) {
                String moe = prefix + "_" + m.group(2) + "m";
                Column moeValue = List.of(rows.columns()).contains(moe) ? col(moe).cast("string") : lit(null).cast("string");
                lines.add(struct(lit(Integer.parseInt(m.group(2))).as("line"), col(c).cast("string").as("e"), moeValue.as("m")));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("bronze.acs_" + prefix + " has no " + prefix + "_nnne columns");
        }
        Column geoId = trim(col("geo_id"));
        return rows
                // The Census label row ("Geography", "Estimate!!Total:") is not data.
                .filter(geoId.rlike("US[0-9]{11}$"))
                .select(col("_file_year").cast("int").as("year"), regexp_extract(geoId, "([0-9]{11})$", 1).as("geoid"),
                        lit(tableId).as("table_id"), col("_ingested_at"), col("_row_number"),
                        explode(array(lines.toArray(Column[]::new))).as("l"))
                .select(col("year"), col("geoid"), col("table_id"), col("l.line").as("line"),
                        number(col("l.e")).as("estimate"), number(col("l.m")).as("moe"),
                        annotation(col("l.e")).as("annotation"), col("_ingested_at"), col("_row_number"));
    }

    /** "12,345" to 12345; the coded medians "250,000+" and "2,500-" to their bound; "-", "**", "***", "N" to null. */
    static Column number(Column raw) {
        Column digits = regexp_replace(trim(raw), "[,+$]|(?<=[0-9])-$", "");
        return when(digits.rlike(NUMBER), digits.cast("double"));
    }

    static Column annotation(Column raw) {
        Column t = trim(raw);
        return when(t.endsWith("+"), lit("top_coded"))
                .when(t.rlike("[0-9]-$"), lit("bottom_coded"))
                .when(t.equalTo("-"), lit("no_sample"))
                .otherwise(lit(null).cast("string"));
    }
}
