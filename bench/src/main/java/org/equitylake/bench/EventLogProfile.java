package org.equitylake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a pipeline run's time goes, from Spark's event log: per job (one Spark job group each),
 * the time some Spark job was running and the time the driver worked alone (planning, Delta log
 * work, commits, the indicators' own computing), then the call sites that ran the most Spark time.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile a run from its Spark event log (run with EQUITY_LAKE_EVENT_LOG_DIR or --event-log set).")
final class EventLogProfile implements Callable<Integer> {
    @Parameters(index = "0", description = "The event log file of one run.")
    Path eventLog;

    @Option(names = "--top", description = "Call sites listed per job (default: ${DEFAULT-VALUE}).")
    int top = 8;

    /** One Spark job: its group (the pipeline job's run), where it was called from, when it ran. */
    record SparkJob(String group, String description, String site, long start, long end) {
        long millis() {
            return Math.max(0, end - start);
        }
    }

    @Override
    public Integer call() throws IOException {
        List<SparkJob> jobs = read(eventLog);
        Map<String, List<SparkJob>> byGroup = new LinkedHashMap<>();
        jobs.forEach(j -> byGroup.computeIfAbsent(j.group(), g -> new ArrayList<>()).add(j));
        System.out.printf(Locale.ROOT, "%-12s %6s %9s %9s %9s%n", "job", "spark", "span s", "busy s", "driver s");
        for (List<SparkJob> group : byGroup.values()) {
            long span = group.stream().mapToLong(SparkJob::end).max().orElse(0) - group.stream().mapToLong(SparkJob::start).min().orElse(0);
            long busy = busy(group);
            System.out.printf(Locale.ROOT, "%-12s %6d %9.1f %9.1f %9.1f%n", name(group), group.size(), span / 1e3, busy / 1e3,
                    (span - busy) / 1e3);
        }
        for (List<SparkJob> group : byGroup.values()) {
            System.out.printf(Locale.ROOT, "%n%s: Spark time by call site (jobs overlap when tables are written side by side)%n", name(group));
            Map<String, long[]> bySite = new LinkedHashMap<>();
            for (SparkJob j : group) {
                long[] t = bySite.computeIfAbsent(j.site(), s -> new long[2]);
                t[0] += j.millis();
                t[1]++;
            }
            bySite.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                    .limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %7.1f s %4d jobs  %s%n", e.getValue()[0] / 1e3, e.getValue()[1], e.getKey()));
        }
        return 0;
    }

    /** Time during which at least one of the jobs ran. */
    static long busy(List<SparkJob> jobs) {
        List<SparkJob> sorted = jobs.stream().sorted(Comparator.comparingLong(SparkJob::start)).toList();
        long busy = 0;
        long covered = Long.MIN_VALUE;
        for (SparkJob j : sorted) {
            long from = Math.max(j.start(), covered);
            if (j.end() > from) {
                busy += j.end() - from;
            }
            covered = Math.max(covered, j.end());
        }
        return busy;
    }

    /** The pipeline job's name: the group's plain description (Delta's own jobs prefix theirs with "Delta:"). */
    private static String name(List<SparkJob> group) {
        return group.stream().map(SparkJob::description).filter(d -> !d.isEmpty() && !d.contains(":"))
                .findFirst().orElse(group.get(0).group());
    }

    static List<SparkJob> read(Path eventLog) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<Long, SparkJob> started = new LinkedHashMap<>();
        List<SparkJob> jobs = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(eventLog)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode e = json.readTree(line);
                String event = e.path("Event").asText();
                if (event.equals("SparkListenerJobStart")) {
                    JsonNode properties = e.path("Properties");
                    JsonNode stages = e.path("Stage Infos");
                    String details = stages.isEmpty() ? "" : stages.get(stages.size() - 1).path("Details").asText("");
                    String description = properties.path("spark.job.description").asText("");
                    started.put(e.path("Job ID").asLong(), new SparkJob(properties.path("spark.jobGroup.id").asText("(none)"),
                            description, site(details, description), e.path("Submission Time").asLong(), 0));
                } else if (event.equals("SparkListenerJobEnd")) {
                    SparkJob j = started.remove(e.path("Job ID").asLong());
                    if (j != null) {
                        jobs.add(new SparkJob(j.group(), j.description(), j.site(), j.start(), e.path("Completion Time").asLong()));
                    }
                }
            }
        }
        jobs.sort(Comparator.comparingLong(SparkJob::start));
        return jobs;
    }

    /** The first frame of this project's code in the job's call stack; Delta's own jobs by their description. */
    private static String site(String details, String description) {
        for (String frame : details.split("\n")) {
            String f = frame.trim();
            if (f.startsWith("org.equitylake.")) {
                return f.replaceFirst("^org\\.equitylake\\.", "");
            }
        }
        return description.isEmpty() ? "(Spark internal)" : description.replaceAll("version: \\d+", "version: n");
    }
}
