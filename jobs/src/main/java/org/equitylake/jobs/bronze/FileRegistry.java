package org.equitylake.jobs.bronze;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.contracts.Contract;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;

/**
 * Which landing files were ingested (by content hash), skipped as duplicates, or rejected:
 * {@code ops.ingested_files} and {@code ops.rejected_files}, one row per (hash, path).
 */
public final class FileRegistry {
    public static final TableId INGESTED_FILES = new TableId("ops", "ingested_files");
    public static final TableId REJECTED_FILES = new TableId("ops", "rejected_files");
    public static final String INGESTED = "ingested";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    static final StructType SCHEMA = new StructType()
            .add("content_hash", DataTypes.StringType, false)
            .add("source_path", DataTypes.StringType, false)
            .add("relative_path", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, false)
            .add("status", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("layout", DataTypes.StringType, true)
            .add("bronze_table", DataTypes.StringType, true)
            .add("export_date", DataTypes.DateType, true)
            .add("rows_in", DataTypes.LongType, true)
            .add("rows_appended", DataTypes.LongType, true)
            .add("rows_quarantined", DataTypes.LongType, true)
            .add("ingest_run_id", DataTypes.StringType, false)
            .add("recorded_at", DataTypes.TimestampType, false);

    /** One file's outcome; {@code reason} holds the rejection reason or the path a duplicate repeats. */
    public record Entry(String contentHash, String sourcePath, String relativePath, long bytes, String status,
                        String reason, String layout, String bronzeTable, java.sql.Date exportDate,
                        Long rowsIn, Long rowsAppended, Long rowsQuarantined, String runId, Instant at) {

        Entry withCounts(long[] counts) {
            if (counts == null || !status.equals(INGESTED)) {
                return this;
            }
            return new Entry(contentHash, sourcePath, relativePath, bytes, status, reason, layout, bronzeTable,
                    exportDate, counts[0], counts[1], counts[2], runId, at);
        }

        Row toRow() {
            return RowFactory.create(contentHash, sourcePath, relativePath, bytes, status, reason, layout, bronzeTable,
                    exportDate, rowsIn, rowsAppended, rowsQuarantined, runId, Timestamp.from(at));
        }
    }

    private final Lake lake;

    public FileRegistry(Lake lake) {
        this.lake = lake;
    }

    static Entry ingested(LandingFile f, Contract layout, String runId, Instant at) {
        return new Entry(f.contentHash(), f.path(), f.relativePath(), f.bytes(), INGESTED, null, layout.id(),
                "bronze." + layout.requireCustom("bronzeTable"), date(f), null, null, null, runId, at);
    }

    static Entry duplicate(LandingFile f, String originalPath, String runId, Instant at) {
        return new Entry(f.contentHash(), f.path(), f.relativePath(), f.bytes(), DUPLICATE, originalPath, null, null,
                date(f), 0L, 0L, 0L, runId, at);
    }

    static Entry rejected(LandingFile f, String reason, String runId, Instant at) {
        return new Entry(f.contentHash(), f.path(), f.relativePath(), f.bytes(), REJECTED, reason, null, null,
                date(f), null, null, null, runId, at);
    }

    private static java.sql.Date date(LandingFile f) {
        return f.exportDate().map(java.sql.Date::valueOf).orElse(null);
    }

    /** What earlier runs saw: the path each content was first ingested from, and every (hash, path) already recorded. */
    public record Known(Map<String, String> firstPathByHash, java.util.Set<String> recorded) {
        boolean isRecorded(LandingFile f) {
            return recorded.contains(f.contentHash() + " " + f.path());
        }
    }

    public Known known() {
        Map<String, String> first = new HashMap<>();
        java.util.Set<String> recorded = new java.util.HashSet<>();
        if (lake.exists(INGESTED_FILES)) {
            for (Row r : lake.read(INGESTED_FILES).select("content_hash", "source_path", "status").collectAsList()) {
                recorded.add(r.getString(0) + " " + r.getString(1));
                if (r.getString(2).equals(INGESTED)) {
                    first.merge(r.getString(0), r.getString(1), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        return new Known(first, recorded);
    }

    /** Upserts on (hash, path), so a re-run updates its rows instead of adding new ones. */
    public void record(List<Entry> entries) {
        List<Row> accepted = entries.stream().filter(e -> !e.status().equals(REJECTED)).map(Entry::toRow).toList();
        List<Row> rejected = entries.stream().filter(e -> e.status().equals(REJECTED)).map(Entry::toRow).toList();
        if (!accepted.isEmpty()) {
            lake.merge(lake.spark().createDataFrame(accepted, SCHEMA), INGESTED_FILES, List.of("content_hash", "source_path"), List.of());
        }
        if (!rejected.isEmpty()) {
            lake.merge(lake.spark().createDataFrame(rejected, SCHEMA).drop("ingest_run_id", "recorded_at")
                            .withColumn("last_seen_run_id", org.apache.spark.sql.functions.lit(entries.get(0).runId())),
                    REJECTED_FILES, List.of("content_hash", "source_path"), List.of());
        }
    }
}
