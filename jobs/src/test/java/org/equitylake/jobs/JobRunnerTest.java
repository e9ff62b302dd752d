package org.equitylake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.equitylake.config.Settings;
import org.equitylake.ops.JobRuns;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.equitylake.testing.RunLog;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the runner skips a job: only when the job's last complete run saw the same build, settings, scope and tables. */
class JobRunnerTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 5);
    private static final TableId SOURCE = new TableId("bronze", "source");
    private static final TableId TARGET = new TableId("silver", "target");

    @TempDir
    Path dir;
    SparkSession spark;
    Settings settings;
    Lake lake;

    /** Counts its source into its target; fails when told to, after writing. */
    static final class CountJob implements Job {
        final AtomicInteger runs = new AtomicInteger();
        boolean failAfterWriting;
        boolean skips = true;

        @Override
        public String name() {
            return "count";
        }

        @Override
        public boolean skipsWhenUnchanged() {
            return skips;
        }

        @Override
        public void run(JobContext ctx) {
            runs.incrementAndGet();
            ctx.lake().overwrite(ctx.lake().read(SOURCE).agg(functions.count(functions.lit(1)).as("n")), TARGET, List.of());
            if (failAfterWriting) {
                throw new IllegalStateException("failed after writing");
            }
        }
    }

    @BeforeEach
    void sourceWithTwoRows() {
        spark = SparkTestSession.get();
        settings = SparkTestSession.settings(dir.resolve("lake").toString());
        lake = new Lake(spark, settings.lakeRoot());
        lake.append(spark.range(2).toDF(), SOURCE, List.of());
    }

    private JobRunner runner(LocalDate asOf, boolean force) {
        return new JobRunner(settings, spark, asOf, Optional.empty(), force);
    }

    private String latestStatus() {
        return RunLog.latestStatus(lake, "count");
    }

    @Test
    void aRunOnTheSameTablesIsSkippedAndLogged() {
        CountJob job = new CountJob();
        runner(AS_OF, false).run(job);
        String firstTarget = lake.stamp(TARGET);

        var second = runner(AS_OF, false).run(job);
        runner(AS_OF, false).run(job);

        assertEquals(1, job.runs.get());
        assertEquals("skipped", latestStatus());
        assertEquals(firstTarget, lake.stamp(TARGET), "a skipped run writes nothing");
        assertTrue(second.notes().get(0).startsWith("skipped: same build, settings, scope and tables as run "), second.notes().toString());
        List<Row> log = lake.read(JobRuns.TABLE).orderBy("started_at").collectAsList();
        assertEquals(List.of("succeeded", "skipped", "skipped"), log.stream().map(r -> r.<String>getAs("status")).toList());
        Map<String, String> stamps = log.get(0).getJavaMap(log.get(0).fieldIndex("input_stamps"));
        assertEquals(List.of("bronze.source", "silver.target"), List.copyOf(stamps.keySet()), "ops tables are bookkeeping, not inputs");
        assertEquals(stamps, log.get(2).getJavaMap(log.get(2).fieldIndex("input_stamps")), "a skip keeps the stamps it was checked against");
    }

    @Test
    void aNewSourceVersionAChangedOutputOrForceRunsIt() {
        CountJob job = new CountJob();
        runner(AS_OF, false).run(job);

        lake.append(spark.range(1).toDF(), SOURCE, List.of());
        runner(AS_OF, false).run(job);
        assertEquals(2, job.runs.get(), "the source has a new version");
        assertEquals(3L, lake.read(TARGET).first().getLong(0));

        lake.overwrite(spark.range(1).toDF().withColumnRenamed("id", "n"), TARGET, List.of());
        runner(AS_OF, false).run(job);
        assertEquals(3, job.runs.get(), "someone else wrote the job's output");
        assertEquals(3L, lake.read(TARGET).first().getLong(0));

        runner(AS_OF, true).run(job);
        assertEquals(4, job.runs.get(), "--force");
        assertEquals("succeeded", latestStatus());
    }

    @Test
    void anotherScopeOrSettingRunsIt() {
        CountJob job = new CountJob();
        runner(AS_OF, false).run(job);

        runner(AS_OF.plusDays(1), false).run(job);
        assertEquals(2, job.runs.get(), "another as-of day");

        settings = Settings.load(Optional.empty(), Map.of("equity-lake.lake.root", settings.lakeRoot(),
                "equity-lake.spark.master", "local[2]", "equity-lake.spark.shuffle-partitions", "3"));
        runner(AS_OF.plusDays(1), false).run(job);
        assertEquals(3, job.runs.get(), "another setting");
    }

    @Test
    void afterAFailedRunOrForAJobThatReadsOutsideTheLakeItRuns() {
        CountJob job = new CountJob();
        runner(AS_OF, false).run(job);
        job.failAfterWriting = true;
        assertThrows(IllegalStateException.class, () -> runner(AS_OF, true).run(job));
        job.failAfterWriting = false;

        runner(AS_OF, false).run(job);
        assertEquals(3, job.runs.get(), "the failed run may have left its outputs half done");

        job.skips = false;
        runner(AS_OF, false).run(job);
        assertEquals(4, job.runs.get());
    }

    @Test
    void withoutItsStateFileOrWithAnUnreadableOneItRuns() throws Exception {
        CountJob job = new CountJob();
        runner(AS_OF, false).run(job);
        Path state = dir.resolve("lake/_state/count.json");
        assertTrue(Files.exists(state));

        Files.writeString(state, "{\"run_id\": ");
        runner(AS_OF, false).run(job);
        assertEquals(2, job.runs.get(), "a torn state file");

        Files.delete(state);
        runner(AS_OF, false).run(job);
        assertEquals(3, job.runs.get(), "no state file, as after a run that died");
        runner(AS_OF, false).run(job);
        assertEquals(3, job.runs.get());
    }
}
