package org.equitylake.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.equitylake.spark.Lake;

/**
 * The inputs of each job's latest complete run, one small file per job under {@code <lake>/_state/}.
 * The same as the run's row in ops.job_runs, but readable without a Spark query: deciding to skip
 * a run must cost less than the run. Removed when a run starts, so a run that dies leaves none.
 */
public final class JobState {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A complete run: its id and what it depended on. */
    public record Entry(String runId, String runKey, Map<String, String> stamps) {}

    private JobState() {}

    private static Path file(Lake lake, String job) {
        return new Path(lake.root() + "/_state/" + job + ".json");
    }

    /** The job's latest complete run; empty when there is none or the file cannot be read (then the job runs). */
    public static Optional<Entry> latest(Lake lake, String job) {
        Path path = file(lake, job);
        try {
            FileSystem fs = path.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(path)) {
                var node = JSON.readTree(in);
                Map<String, String> stamps = new TreeMap<>();
                node.path("stamps").fields().forEachRemaining(e -> stamps.put(e.getKey(), e.getValue().asText()));
                if (!node.hasNonNull("run_id") || !node.hasNonNull("run_key") || stamps.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(node.get("run_id").asText(), node.get("run_key").asText(), stamps));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static void complete(Lake lake, String job, Entry entry) {
        Path path = file(lake, job);
        try {
            FileSystem fs = path.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(path, true)) {
                JSON.writeValue(out, Map.of("run_id", entry.runId(), "run_key", entry.runKey(), "stamps", entry.stamps()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    public static void clear(Lake lake, String job) {
        Path path = file(lake, job);
        try {
            path.getFileSystem(lake.spark().sparkContext().hadoopConfiguration()).delete(path, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
