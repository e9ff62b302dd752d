package org.equitylake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_extract;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.quality: how far to trust a program-year. Counts of records and files by year, computed in
 * Spark and collected (one number per year), then one row per program-year.
 */
final class QualityRows {
    private QualityRows() {}

    /** Per-year counts and dates of one program, from the silver and bronze tables. */
    record Stats(
            Map<Integer, Long> records,
            Map<Integer, Long> households,
            Map<Integer, Long> geocoded,
            Map<Integer, Long> inCity,
            Map<Integer, Long> unknownEligibility,
            Map<Integer, Long> quarantined,
            Map<Integer, Long> unreadable,
            Map<Integer, Date> latestExport,
            Map<Integer, Timestamp> latestIngest) {}

    /**
     * @param applications silver.applications of the program
     * @param enrolments silver.enrolments of the program
     * @param geocodes silver.geocodes (address_key, tract_geoid, is_in_city)
     * @param quarantined silver.quarantine of the program (_source_path); the year is the export file's
     * @param unreadable bronze.quarantine rows of the program's layouts (_file_year)
     * @param exports the program's bronze rows (_file_year, _export_date, _ingested_at)
     */
    static Stats stats(Dataset<Row> applications, Dataset<Row> enrolments, Dataset<Row> geocodes, Dataset<Row> quarantined,
                       Dataset<Row> unreadable, Dataset<Row> exports) {
        Dataset<Row> g = geocodes.select(col("address_key").as("_g_key"), col("tract_geoid"), col("is_in_city")).dropDuplicates("_g_key");
        Dataset<Row> placed = enrolments.join(g, enrolments.col("address_key").equalTo(g.col("_g_key")), "left");
        Dataset<Row> q = quarantined.withColumn("_year", regexp_extract(col("_source_path"), "(?:^|/)([0-9]{4})-[0-9]{2}-[0-9]{2}_[^/]*$", 1));
        Map<Integer, Date> export = new TreeMap<>();
        Map<Integer, Timestamp> ingest = new TreeMap<>();
        for (Row r : exports.filter(col("_file_year").isNotNull()).groupBy(col("_file_year").cast("int"))
                .agg(max("_export_date"), max("_ingested_at")).collectAsList()) {
            if (!r.isNullAt(1)) {
                export.put(r.getInt(0), r.getDate(1));
            }
            if (!r.isNullAt(2)) {
                ingest.put(r.getInt(0), r.getTimestamp(2));
            }
        }
        return new Stats(byYear(applications, col("program_year")), byYear(enrolments, col("program_year")),
                byYear(placed.filter(col("tract_geoid").isNotNull()), col("program_year")),
                byYear(placed.filter(col("is_in_city").equalTo(true)), col("program_year")),
                byYear(enrolments.filter(col("is_income_eligible").isNull()), col("program_year")),
                byYear(q.filter(col("_year").notEqual("")), col("_year")),
                byYear(unreadable.filter(col("_file_year").isNotNull()), col("_file_year")), export, ingest);
    }

    static Map<Integer, Long> byYear(Dataset<Row> rows, org.apache.spark.sql.Column year) {
        Map<Integer, Long> out = new TreeMap<>();
        for (Row r : rows.groupBy(year.cast("int").as("_y")).agg(count(lit(1))).collectAsList()) {
            if (!r.isNullAt(0)) {
                out.put(r.getInt(0), r.getLong(1));
            }
        }
        return out;
    }

    /** Counts of records and households, not of groups of people: published whatever their size (docs/GOLD.md). */
    static List<Gold.RowValues> rows(String program, List<Integer> years, Stats s, Map<Integer, ProgramYear> computed,
                                     LocalDate asOf) {
        List<Gold.RowValues> rows = new ArrayList<>();
        for (int y : years) {
            long records = s.records().getOrDefault(y, 0L);
            long households = s.households().getOrDefault(y, 0L);
            long geocoded = s.geocoded().getOrDefault(y, 0L);
            long quarantined = s.quarantined().getOrDefault(y, 0L);
            long unreadable = s.unreadable().getOrDefault(y, 0L);
            long seen = records + quarantined + unreadable;
            ProgramYear py = computed.get(y);
            long unknown = s.unknownEligibility().getOrDefault(y, 0L);
            Date export = s.latestExport().get(y);
            Integer acs = py == null ? null : py.in.acsYear();
            rows.add(Gold.row().put("program", program).put("year", y).put("as_of", asOf)
                    .put("records", records).put("households", households)
                    .put("quarantined_records", quarantined).put("unreadable_rows", unreadable)
                    .put("quarantine_rate", seen > 0 ? (double) (quarantined + unreadable) / seen : null)
                    .put("geocoded_households", geocoded)
                    .put("geocode_match_rate", households > 0 ? (double) geocoded / households : null)
                    .put("in_city_households", s.inCity().getOrDefault(y, 0L))
                    .put("unknown_eligibility_rate", households > 0 ? (double) unknown / households : null)
                    .put("latest_export_date", export).put("latest_ingested_at", s.latestIngest().get(y))
                    .put("days_since_latest_export", export == null ? null
                            : (int) ChronoUnit.DAYS.between(export.toLocalDate(), asOf))
                    .put("acs_year", acs).put("acs_years_behind", acs == null ? null : y - acs));
        }
        return rows;
    }
}
