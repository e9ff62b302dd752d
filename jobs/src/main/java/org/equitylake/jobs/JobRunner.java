package org.equitylake.jobs;

import com.typesafe.config.ConfigRenderOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contracts;
import org.equitylake.ops.BuildInfo;
import org.equitylake.ops.JobRuns;
import org.equitylake.ops.JobState;
import org.equitylake.ops.ResourceMeter;
import org.equitylake.ops.RunReport;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs jobs in one session: logs start, settings, counts and duration, and records each run in ops.job_runs. */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final Settings settings;
    private final SparkSession spark;
    private final LocalDate asOf;
    private final Optional<String> program;
    private final boolean force;

    public JobRunner(Settings settings, SparkSession spark, LocalDate asOf, Optional<String> program) {
        this(settings, spark, asOf, program, false);
    }

    /** With {@code force}, every job runs even when its inputs are those of its last complete run. */
    public JobRunner(Settings settings, SparkSession spark, LocalDate asOf, Optional<String> program, boolean force) {
        this.settings = settings;
        this.spark = spark;
        this.asOf = asOf;
        this.program = program;
        this.force = force;
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
        JobRuns.Inputs inputs = null;
        ResourceMeter meter = ResourceMeter.start(spark.sparkContext());
        try {
            String key = runKey(job);
            Optional<JobState.Entry> unchangedSince = force || !job.skipsWhenUnchanged() ? Optional.empty() : unchangedSince(lake, job, key);
            if (unchangedSince.isPresent()) {
                inputs = new JobRuns.Inputs(key, unchangedSince.get().stamps());
                report.note("skipped: same build, settings, scope and tables as run " + unchangedSince.get().runId() + " (--force runs it)");
                status = "skipped";
                return report;
            }
            JobState.clear(lake, job.name());
            job.run(context);
            inputs = new JobRuns.Inputs(key, lake.stamps(lake.touched().stream().filter(JobRunner::isInput).collect(Collectors.toSet())));
            status = "succeeded";
            if (job.skipsWhenUnchanged()) {
                JobState.complete(lake, job.name(), new JobState.Entry(report.runId(), key, inputs.stamps()));
            }
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
                JobRuns.record(lake, report, status, started, ended, error, resources, inputs);
            } catch (RuntimeException recordFailure) {
                LOG.error("could not record the run in {}: {}", JobRuns.TABLE, recordFailure.getMessage());
            }
        }
    }

    /**
     * The job's latest complete run if it recorded this key and every table it touched is as it left
     * it: running again would compute the same tables.
     */
    private static Optional<JobState.Entry> unchangedSince(Lake lake, Job job, String key) {
        Optional<JobState.Entry> latest = JobState.latest(lake, job.name());
        if (latest.isEmpty() || !latest.get().runKey().equals(key)) {
            return Optional.empty();
        }
        Set<TableId> tables = latest.get().stamps().keySet().stream().map(TableId::of).collect(Collectors.toSet());
        return lake.stamps(tables).equals(latest.get().stamps()) ? latest : Optional.empty();
    }

    /**
     * The job, the build, every setting and the run's scope, digested: a run with another key may
     * compute other tables even from the same inputs.
     */
    private String runKey(Job job) {
        BuildInfo build = BuildInfo.current();
        String text = String.join("\n", job.name(), build.version(), build.commit(), build.built(), String.valueOf(asOf),
                program.orElse("*"), settings.config().getConfig(Settings.ROOT).root().render(ConfigRenderOptions.concise()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The operations log (runs, watermarks, file registry) is bookkeeping; what it decides shows in the data tables. */
    private static boolean isInput(TableId table) {
        return !table.schema().equals("ops");
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
