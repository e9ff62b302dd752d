package org.equitylake.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.equitylake.contracts.Contract;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobContext;
import org.equitylake.jobs.SideBySide;
import org.equitylake.spark.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands new files in bronze as delivered, once: a file whose content was ingested before is
 * skipped even under another name, and a re-run after a crash writes only what is missing.
 */
public final class IngestJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    public static final TableId QUARANTINE = new TableId("bronze", "quarantine");

    /** Bronze tables written at the same time. */
    private static final int WRITERS = 4;

    private final boolean strict;

    public IngestJob(boolean strict) {
        this.strict = strict;
    }

    @Override
    public String name() {
        return "ingest";
    }

    /** Never skipped: landing files are not lake tables: the file registry decides what is new. */
    @Override
    public boolean skipsWhenUnchanged() {
        return false;
    }

    @Override
    public void run(JobContext ctx) {
        Configuration hadoop = ctx.spark().sparkContext().hadoopConfiguration();
        LandingZone zone = new LandingZone(hadoop, ctx.settings().landingRoot());
        if (!zone.exists()) {
            throw new IllegalStateException("landing zone " + ctx.settings().landingRoot()
                    + " does not exist: run generate-sample or set equity-lake.landing.root");
        }
        LayoutDetector detector = new LayoutDetector(ctx.contracts().inLayer("landing"));
        FileRegistry registry = new FileRegistry(ctx.lake());
        FileRegistry.Known known = registry.known();
        Instant now = Instant.now();

        List<FileRegistry.Entry> entries = new ArrayList<>();
        List<RawRecords.Task> tasks = new ArrayList<>();
        Map<String, Contract> layouts = new LinkedHashMap<>();
        List<LandingFile> geoFiles = new ArrayList<>();
        Map<String, String> seenThisRun = new HashMap<>();
        int landed = 0;
        // Files exported after the as-of day have not landed as far as this run knows.
        for (LandingFile file : zone.list(ctx.asOf())) {
            landed++;
            if (known.isRecorded(file)) {
                continue;
            }
            // Empty exports (a day without records) are all alike; they repeat nothing.
            String original = file.bytes() == 0 ? null
                    : known.firstPathByHash().getOrDefault(file.contentHash(), seenThisRun.get(file.contentHash()));
            if (original != null) {
                entries.add(FileRegistry.duplicate(file, original, ctx.runId(), now));
                continue;
            }
            Optional<String> format = detector.candidates(file.relativePath()).stream().findFirst()
                    .map(c -> c.custom("fileFormat").orElse("csv"));
            LayoutDetector.Detection detection = detector.detect(file.relativePath(),
                    format.flatMap(f -> f.equals("geojson") || f.equals("shapefile") ? Optional.empty() : zone.headerOrKeys(file, f)));
            if (detection.contract().isEmpty()) {
                entries.add(FileRegistry.rejected(file, detection.reason(), ctx.runId(), now));
                continue;
            }
            Contract layout = detection.contract().get();
            if (layout.custom("program").map(p -> !ctx.covers(p)).orElse(false)) {
                continue;
            }
            seenThisRun.put(file.contentHash(), file.path());
            layouts.put(layout.id(), layout);
            String fileFormat = layout.custom("fileFormat").orElse("csv");
            if (fileFormat.equals("geojson") || fileFormat.equals("shapefile")) {
                geoFiles.add(file);
            } else {
                tasks.add(new RawRecords.Task(file.path(), file.contentHash(), layout.id(), fileFormat,
                        layout.columnNames(), file.exportDate().map(java.sql.Date::valueOf).orElse(null),
                        file.fileYear().orElse(null)));
            }
            entries.add(FileRegistry.ingested(file, layout, ctx.runId(), now));
        }
        LOG.info("ingest: {} files landed by {}, {} new delimited/JSON, {} new geometry, {} duplicates, {} rejected",
                landed, ctx.asOf(), tasks.size(), geoFiles.size(),
                entries.stream().filter(e -> e.status().equals(FileRegistry.DUPLICATE)).count(),
                entries.stream().filter(e -> e.status().equals(FileRegistry.REJECTED)).count());

        Map<String, long[]> countsByHash = new ConcurrentHashMap<>();
        Map<TableId, List<Runnable>> writesByTable = new LinkedHashMap<>();
        Dataset<Row> parsed = tasks.isEmpty() ? null : parse(ctx, tasks, now);
        try {
            if (parsed != null) {
                countsByHash.putAll(recordWrites(ctx, parsed, tasks, layouts, writesByTable));
            }
            for (LandingFile file : geoFiles) {
                Contract layout = layouts.get(entries.stream().filter(e -> e.contentHash().equals(file.contentHash()))
                        .findFirst().orElseThrow().layout());
                writesByTable.computeIfAbsent(bronzeTable(layout), t -> new ArrayList<>())
                        .add(() -> countsByHash.put(file.contentHash(), writeGeometry(ctx, hadoop, file, layout, now)));
            }
            // A commit costs seconds whatever its size: tables are written side by side, each table's files in turn.
            SideBySide.run(WRITERS, writesByTable.values().stream().<Runnable>map(writes -> () -> writes.forEach(Runnable::run)).toList());
        } finally {
            if (parsed != null) {
                parsed.unpersist();
            }
        }

        List<FileRegistry.Entry> finished = entries.stream().map(e -> e.withCounts(countsByHash.getOrDefault(e.contentHash(), new long[3]))).toList();
        registry.record(finished);
        finished.stream().filter(e -> e.status().equals(FileRegistry.REJECTED))
                .forEach(e -> ctx.report().note("rejected " + e.sourcePath() + ": " + e.reason()));
        finished.stream().filter(e -> e.status().equals(FileRegistry.DUPLICATE))
                .forEach(e -> ctx.report().note("skipped " + e.sourcePath() + ": same content as " + e.reason()));
        long rejected = finished.stream().filter(e -> e.status().equals(FileRegistry.REJECTED)).count();
        if (strict && rejected > 0) {
            throw new IllegalStateException(rejected + " landing file(s) match no contract (see ops.rejected_files); --strict makes that a failure");
        }
    }

    /** Every new delimited or JSON file parsed once, cached: each layout's rows and the quarantine are read from it. */
    private static Dataset<Row> parse(JobContext ctx, List<RawRecords.Task> tasks, Instant now) {
        return RawRecords.read(ctx.spark(), tasks)
                .withColumn("_ingest_run_id", lit(ctx.runId()))
                .withColumn("_ingested_at", lit(Timestamp.from(now)))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Adds the appends of each layout's readable rows and of the quarantine to {@code writes}; returns {in, appended, quarantined} by hash. */
    private static Map<String, long[]> recordWrites(JobContext ctx, Dataset<Row> parsed, List<RawRecords.Task> tasks,
                                                    Map<String, Contract> layouts, Map<TableId, List<Runnable>> writes) {
        Map<String, long[]> counts = new HashMap<>();
        for (Row r : parsed.groupBy("_content_hash")
                .agg(org.apache.spark.sql.functions.count(lit(1)).as("n"),
                        org.apache.spark.sql.functions.count(col("reason")).as("bad"))
                .collectAsList()) {
            long n = r.getLong(1);
            long bad = r.getLong(2);
            counts.put(r.getString(0), new long[] {n, n - bad, bad});
        }
        for (Contract layout : layouts.values()) {
            if (tasks.stream().noneMatch(t -> t.layout().equals(layout.id()))) {
                continue;
            }
            List<String> columns = layout.columnNames();
            List<Column> select = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                select.add(col("values").getItem(i).as(BronzeColumns.of(columns.get(i))));
            }
            for (String lineage : LINEAGE) {
                select.add(col(lineage));
            }
            Dataset<Row> rows = parsed.filter(col("_layout").equalTo(layout.id()).and(col("reason").isNull()))
                    .select(select.toArray(Column[]::new));
            boolean byYear = layout.custom("program").isPresent();
            writes.computeIfAbsent(bronzeTable(layout), t -> new ArrayList<>()).add(() -> appendMissing(ctx, rows, bronzeTable(layout), byYear));
        }
        // Most nights nothing is unreadable: then the quarantine is not even read.
        if (counts.values().stream().anyMatch(c -> c[2] > 0)) {
            Dataset<Row> bad = parsed.filter(col("reason").isNotNull()).drop("values");
            writes.computeIfAbsent(QUARANTINE, t -> new ArrayList<>()).add(() -> appendMissing(ctx, bad, QUARANTINE, false));
        }
        return counts;
    }

    private static long[] writeGeometry(JobContext ctx, Configuration hadoop, LandingFile file, Contract layout, Instant now) {
        Dataset<Row> shapes = layout.custom("fileFormat").orElse("").equals("shapefile")
                ? GeoReference.shapefile(ctx.spark(), file, layout)
                : GeoReference.geoJson(ctx.spark(), hadoop, file, layout);
        List<Column> select = new ArrayList<>();
        for (String c : layout.columnNames()) {
            select.add(col(c).as(BronzeColumns.of(c)));
        }
        Dataset<Row> rows = shapes
                .withColumn("_source_path", lit(file.path()))
                .withColumn("_content_hash", lit(file.contentHash()))
                .withColumn("_layout", lit(layout.id()))
                .withColumn("_export_date", lit(null).cast("date"))
                .withColumn("_file_year", lit(file.fileYear().orElse(null)).cast("int"))
                .withColumn("_ingest_run_id", lit(ctx.runId()))
                .withColumn("_ingested_at", lit(Timestamp.from(now)))
                .select(concat(select, LINEAGE))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long n = rows.count();
            appendMissing(ctx, rows, bronzeTable(layout), false);
            return new long[] {n, n, 0};
        } finally {
            rows.unpersist();
        }
    }

    private static final List<String> LINEAGE = List.of("_source_path", "_content_hash", "_row_number", "_layout",
            "_export_date", "_file_year", "_ingest_run_id", "_ingested_at");

    private static Column[] concat(List<Column> first, List<String> names) {
        List<Column> all = new ArrayList<>(first);
        names.forEach(n -> all.add(col(n)));
        return all.toArray(Column[]::new);
    }

    static TableId bronzeTable(Contract layout) {
        return new TableId("bronze", layout.requireCustom("bronzeTable"));
    }

    /**
     * Appends the rows of files the table does not hold yet: after a crash between two writes,
     * a re-run fills in only what is missing instead of appending a second copy.
     */
    private static void appendMissing(JobContext ctx, Dataset<Row> rows, TableId table, boolean byYear) {
        Dataset<Row> missing = rows;
        if (ctx.lake().exists(table)) {
            Dataset<Row> present = ctx.lake().read(table).select("_content_hash").distinct();
            missing = rows.join(present, rows.col("_content_hash").equalTo(present.col("_content_hash")), "left_anti");
        }
        // Counted before, not read from the commit's metrics after: the input is cached, the log's history is not.
        long written = missing.count();
        if (written == 0) {
            return;
        }
        ctx.lake().append(missing, table, byYear ? List.of("_file_year") : List.of());
        ctx.report().written(table.toString(), written);
        if (table.equals(QUARANTINE)) {
            ctx.report().quarantined(table.toString(), written);
        }
    }
}
