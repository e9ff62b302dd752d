package org.equitylake.bench;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.ops.JobRuns;
import org.equitylake.spark.Lake;

/** What one stage (job run) of a pipeline run cost, from ops.job_runs and the Delta commits it made. */
record StageCost(String job, double seconds, long rowsRead, long rowsWritten, long shuffleBytes, long peakHeapBytes,
                 long spillBytes, long outputFiles, long outputBytes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    double rowsPerSecond() {
        return seconds > 0 ? Math.max(rowsRead, rowsWritten) / seconds : 0;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job);
        m.put("seconds", seconds);
        m.put("rows_read", rowsRead);
        m.put("rows_written", rowsWritten);
        m.put("rows_per_second", rowsPerSecond());
        m.put("shuffle_bytes", shuffleBytes);
        m.put("peak_heap_bytes", peakHeapBytes);
        m.put("spill_bytes", spillBytes);
        m.put("output_files", outputFiles);
        m.put("output_bytes", outputBytes);
        return m;
    }

    /** The stages of every run recorded in the lake's run log since {@code since}, in the order they ran. */
    static List<StageCost> since(SparkSession spark, Path lakeRoot, Timestamp since) {
        Lake lake = new Lake(spark, lakeRoot.toAbsolutePath().toString());
        List<Row> runs = lake.read(JobRuns.TABLE).filter(col("started_at").geq(since)).orderBy("started_at").collectAsList();
        List<StageCost> stages = new ArrayList<>();
        for (Row run : runs) {
            Timestamp started = run.getAs("started_at");
            Timestamp ended = run.getAs("ended_at");
            Map<String, Long> resources = run.isNullAt(run.fieldIndex("resources")) ? Map.of()
                    : run.getJavaMap(run.fieldIndex("resources"));
            long[] output = committedFiles(lakeRoot, started.getTime(), ended.getTime());
            stages.add(new StageCost(run.getAs("job"), run.<Long>getAs("duration_ms") / 1000.0,
                    sum(run.getJavaMap(run.fieldIndex("rows_read"))), sum(run.getJavaMap(run.fieldIndex("rows_written"))),
                    resources.getOrDefault("shuffle_write_bytes", 0L), resources.getOrDefault("peak_heap_bytes", 0L),
                    resources.getOrDefault("spill_bytes", 0L), output[0], output[1]));
        }
        return stages;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Files and bytes the Delta commits made between the two instants added, over every table of the lake.
     * Read from the transaction logs, so rewrites (MERGE, OPTIMIZE) count what they wrote, not the net size.
     */
    static long[] committedFiles(Path lakeRoot, long fromMillis, long toMillis) {
        long[] filesAndBytes = new long[2];
        try (Stream<Path> logs = Files.walk(lakeRoot)) {
            for (Path commit : logs.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("_delta_log")
                    && p.getFileName().toString().matches("\\d{20}\\.json")).toList()) {
                addCommit(commit, fromMillis, toMillis, filesAndBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return filesAndBytes;
    }

    private static void addCommit(Path commit, long fromMillis, long toMillis, long[] filesAndBytes) throws IOException {
        long files = 0;
        long bytes = 0;
        long timestamp = -1;
        try (BufferedReader reader = Files.newBufferedReader(commit)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode action = JSON.readTree(line);
                if (action.has("add")) {
                    files++;
                    bytes += action.get("add").path("size").asLong();
                } else if (action.has("commitInfo")) {
                    timestamp = action.get("commitInfo").path("timestamp").asLong(-1);
                }
            }
        }
        if (timestamp >= fromMillis && timestamp <= toMillis) {
            filesAndBytes[0] += files;
            filesAndBytes[1] += bytes;
        }
    }
}
