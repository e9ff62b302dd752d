package org.equitylake.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogProfileTest {
    private static String start(long id, long at, String group, String description, String frame) {
        return "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + id + ",\"Submission Time\":" + at
                + ",\"Stage Infos\":[{\"Details\":\"org.apache.spark.sql.Dataset.count(Dataset.scala:1)\\n" + frame + "\"}],"
                + "\"Properties\":{\"spark.jobGroup.id\":\"" + group + "\",\"spark.job.description\":\"" + description + "\"}}";
    }

    private static String end(long id, long at) {
        return "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + id + ",\"Completion Time\":" + at + "}";
    }

    @Test
    void readsJobsWithTheirCallSiteAndCountsOverlapOnce(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("local-1");
        Files.write(log, List.of(
                "{\"Event\":\"SparkListenerApplicationStart\"}",
                start(0, 1000, "run-a", "clean", "org.equitylake.jobs.silver.CleanJob.run(CleanJob.java:10)"),
                start(1, 1500, "run-a", "Delta: clean: Filtering files for query", "scala.Option.map(Option.scala:1)"),
                end(0, 2000),
                end(1, 2500),
                start(2, 4000, "run-a", "clean", "org.equitylake.spark.Lake.merge(Lake.java:5)"),
                end(2, 4200)));

        List<EventLogProfile.SparkJob> jobs = EventLogProfile.read(log);

        assertEquals(3, jobs.size());
        assertEquals("jobs.silver.CleanJob.run(CleanJob.java:10)", jobs.get(0).site());
        assertEquals("Delta: clean: Filtering files for query", jobs.get(1).site(), "Delta's own job, named by its description");
        // 1.0-2.5 s overlapping, then 4.0-4.2 s: 1.7 s with a job running, not 1.0 + 1.0 + 0.2.
        assertEquals(1700, EventLogProfile.busy(jobs));
    }
}
