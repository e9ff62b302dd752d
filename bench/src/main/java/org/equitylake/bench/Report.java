package org.equitylake.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** A benchmark's printed table and its JSON record (machine, date, parameters, every run, medians). */
final class Report {
    private final String benchmark;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();

    Report(String benchmark, Map<String, Object> parameters) {
        this.benchmark = benchmark;
        json.put("benchmark", benchmark);
        json.put("started_at", Instant.now().toString());
        json.put("machine", machine());
        json.put("parameters", parameters);
    }

    /** Cores, memory and load when the benchmark started: figures mean little without them. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        var os = ManagementFactory.getOperatingSystemMXBean();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("load_average_1min", os.getSystemLoadAverage());
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("memory_bytes", sun.getTotalMemorySize());
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    void line(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println(line);
    }

    /** Per stage, the median over runs of each measure; the runs must have run the same stages in the same order. */
    static List<StageCost> medianStages(List<List<StageCost>> runs) {
        List<StageCost> first = runs.get(0);
        List<StageCost> medians = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            int stage = i;
            List<StageCost> same = runs.stream().filter(r -> r.size() > stage).map(r -> r.get(stage)).toList();
            medians.add(new StageCost(first.get(i).job(), median(same, StageCost::seconds),
                    (long) median(same, StageCost::rowsRead), (long) median(same, StageCost::rowsWritten),
                    (long) median(same, StageCost::shuffleBytes), (long) median(same, StageCost::peakHeapBytes),
                    (long) median(same, StageCost::spillBytes), (long) median(same, StageCost::outputFiles),
                    (long) median(same, StageCost::outputBytes)));
        }
        return medians;
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> measure) {
        double[] values = items.stream().mapToDouble(measure).sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static double median(double... values) {
        return median(Arrays.stream(values).boxed().toList(), Double::doubleValue);
    }

    void stageTable(List<StageCost> stages) {
        line("%-11s %9s %12s %10s %11s %11s %9s %11s", "stage", "wall s", "rows", "rows/s", "shuffle MiB",
                "peak heap MiB", "files", "output MiB");
        for (StageCost s : stages) {
            line("%-11s %9.1f %12d %10.0f %11.1f %13.0f %9d %11.1f", s.job(), s.seconds(), Math.max(s.rowsRead(), s.rowsWritten()),
                    s.rowsPerSecond(), mib(s.shuffleBytes()), mib(s.peakHeapBytes()), s.outputFiles(), mib(s.outputBytes()));
        }
    }

    static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    /** Writes the JSON record under the results folder, named by benchmark and start time; returns its path. */
    Path write(Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        json.put("printed", lines);
        Path file = resultsDir.resolve(benchmark + "-" + json.get("started_at").toString().replace(':', '-') + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        System.out.println("results: " + file);
        return file;
    }

    static List<Map<String, Object>> maps(List<StageCost> stages) {
        return stages.stream().map(StageCost::toMap).toList();
    }
}
