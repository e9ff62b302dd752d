package org.equitylake.ops;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.equitylake.spark.Lake;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceMeterTest {
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void countsTheTasksAndShuffleOfWhatRanWhileOpen() {
        Map<String, Long> usage;
        try (ResourceMeter meter = ResourceMeter.start(spark.sparkContext())) {
            spark.range(0, 200_000).groupBy(col("id").mod(97)).count().collectAsList();
            usage = meter.usage();
        }
        assertTrue(usage.get("tasks") >= 2, usage.toString());
        assertTrue(usage.get("shuffle_write_bytes") > 0, usage.toString());
        assertTrue(usage.get("shuffle_read_bytes") > 0, usage.toString());
        assertTrue(usage.get("peak_heap_bytes") > 0, usage.toString());

        // Closed: later work is not counted.
        try (ResourceMeter idle = ResourceMeter.start(spark.sparkContext())) {
            assertEquals(0L, idle.usage().get("tasks"));
        }
    }

    @Test
    void aRunLogWithoutTheNewerColumnsGainsThem(@TempDir Path dir) {
        Lake lake = new Lake(spark, dir.toString());
        StructType before = new StructType(java.util.Arrays.stream(JobRuns.SCHEMA.fields())
                .filter(f -> !List.of("resources", "run_key", "input_stamps").contains(f.name())).toArray(org.apache.spark.sql.types.StructField[]::new));
        lake.append(spark.createDataFrame(List.<Row>of(), before), JobRuns.TABLE, List.of("year"));

        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        JobRuns.record(lake, new RunReport("r1", "ingest", LocalDate.of(2025, 12, 31)), "succeeded", now, now, null,
                Map.of("tasks", 3L), new JobRuns.Inputs("key", Map.of("bronze.t", "3@1")));
        JobRuns.record(lake, new RunReport("r0", "ingest", null), "failed", now, now, "boom", null, null);

        List<Row> rows = lake.read(JobRuns.TABLE).orderBy("run_id").collectAsList();
        assertEquals(2, rows.size());
        assertNull(rows.get(0).getAs("resources"));
        assertEquals(Map.of("tasks", 3L), rows.get(1).getJavaMap(rows.get(1).fieldIndex("resources")));
        assertEquals(Map.of("bronze.t", "3@1"), rows.get(1).getJavaMap(rows.get(1).fieldIndex("input_stamps")));
        assertNull(rows.get(0).getAs("run_key"));
    }
}
