package org.equitylake.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contracts;
import org.equitylake.ops.JobRuns;
import org.equitylake.ops.ResourceMeter;
import org.equitylake.ops.RunReport;
import org.equitylake.spark.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs jobs in one session: logs start, settings, counts and duration, and records each run in ops.job_runs. */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final Settings settings;
    private final SparkSession spark;
    private final LocalDate asOf;
    private final Optional<String> program;

    public JobRunner(Settings settings, SparkSession spark, LocalDate asOf, Optional<String> program) {
        this.settings = settings;
        this.spark = spark;
        this.asOf = asOf;
        this.program = program;
        program.ifPresent(settings::program);
    }

    public void logSettings() {
        settings.describe().forEach(line -> LOG.info("setting {}", line));
    }

    /** A context outside any recorded run, for reading the lake (run-all's summary). */
    public JobContext context(String purpose) {
        return new JobContext(settings, spark, new Lake(spark, settings.lakeRoot()), Contracts.bundled(),
                new RunReport(UUID.randomUUID().toString(), purpose, asOf), asOf, program);
    }

    public RunReport run(Job job) {
        RunReport report = new RunReport(UUID.randomUUID().toString(), job.name(), asOf);
        Lake lake = new Lake(spark, settings.lakeRoot());
        JobContext context = new JobContext(settings, spark, lake, Contracts.bundled(), report, asOf, program);
        Instant started = Instant.now();
        LOG.info("{} started: run {} as-of {}{}", job.name(), report.runId(), asOf,
                program.map(p -> " program " + p).orElse(""));
        spark.sparkContext().setJobGroup(report.runId(), job.name(), false);
        String status = "failed";
        String error = null;
        ResourceMeter meter = ResourceMeter.start(spark.sparkContext());
        try {
            job.run(context);
            status = "succeeded";
            return report;
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw e;
        } finally {
            Instant ended = Instant.now();
            Map<String, Long> resources = meter.usage();
            meter.close();
            logCounts(report);
            LOG.info("{} {} in {}; {}", job.name(), status, humanDuration(Duration.between(started, ended)), describe(resources));
            try {
                JobRuns.record(lake, report, status, started, ended, error, resources);
            } catch (RuntimeException recordFailure) {
                LOG.error("could not record the run in {}: {}", JobRuns.TABLE, recordFailure.getMessage());
            }
        }
    }

    public List<RunReport> runAll(List<Job> jobs) {
        return jobs.stream().map(this::run).toList();
    }

    private static void logCounts(RunReport report) {
        report.readCounts().forEach((t, n) -> LOG.info("{}: read {} rows from {}", report.job(), n, t));
        report.writtenCounts().forEach((t, n) -> LOG.info("{}: wrote {} rows to {}", report.job(), n, t));
        report.quarantinedCounts().forEach((t, n) -> LOG.info("{}: quarantined {} rows in {}", report.job(), n, t));
        report.notes().forEach(n -> LOG.info("{}: {}", report.job(), n));
    }

    private static String describe(Map<String, Long> resources) {
        return String.format(Locale.ROOT, "%d tasks, read %s, wrote %s, shuffled %s, spilled %s, peak heap %s",
                resources.get("tasks"), mebibytes(resources.get("input_bytes")), mebibytes(resources.get("output_bytes")),
                mebibytes(resources.get("shuffle_write_bytes")), mebibytes(resources.get("spill_bytes")),
                mebibytes(resources.get("peak_heap_bytes")));
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    static String humanDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
