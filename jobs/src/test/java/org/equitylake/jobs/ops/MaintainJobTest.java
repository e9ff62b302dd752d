package org.equitylake.jobs.ops;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.jobs.JobRunner;
import org.equitylake.ops.JobRuns;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintainJobTest {
    private static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void compactsEveryTableVacuumsItAndLeavesTheSessionAsItWas(@TempDir Path dir) {
        Lake lake = new Lake(spark, dir.toString());
        TableId table = new TableId("silver", "small_files");
        for (int i = 0; i < 5; i++) {
            lake.append(spark.range(i * 100, (i + 1) * 100).toDF(), table, List.of());
        }
        assertTrue(files(lake, table) >= 5, "one file or more per append");
        String before = spark.conf().get(LISTING_PARALLELISM, null);

        new JobRunner(SparkTestSession.settings(dir.toString()), spark, LocalDate.of(2025, 12, 31), Optional.empty())
                .run(new MaintainJob(MaintainJob.MINIMUM_RETENTION_HOURS));

        assertEquals(1L, files(lake, table));
        assertEquals(500L, lake.read(table).count());
        List<String> operations = DeltaTable.forPath(spark, lake.path(table)).history().select("operation")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertTrue(operations.contains("OPTIMIZE"), operations.toString());
        assertTrue(operations.contains("VACUUM END"), operations.toString());
        assertEquals(before, spark.conf().get(LISTING_PARALLELISM, null));

        Row run = lake.read(JobRuns.TABLE).filter(col("job").equalTo("maintain")).first();
        assertEquals("succeeded", run.getAs("status"));
        Map<String, Long> resources = run.getJavaMap(run.fieldIndex("resources"));
        // The listing runs a few tasks per core, not Spark's default of 10,000 per table.
        assertTrue(resources.get("tasks") > 0 && resources.get("tasks") < 2_000, resources.toString());
        assertFalse(run.<scala.collection.Seq<String>>getAs("notes").isEmpty());
    }

    @Test
    void refusesARetentionUnderAWeek() {
        assertThrows(IllegalArgumentException.class, () -> new MaintainJob(24));
    }

    private long files(Lake lake, TableId table) {
        return DeltaTable.forPath(spark, lake.path(table)).detail().select("numFiles").as(org.apache.spark.sql.Encoders.LONG()).first();
    }
}
