package org.equitylake.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import org.equitylake.spark.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Spark + Sedona (local[2], in this JVM, the jobs' session) against PostgreSQL + PostGIS (a throw-away
 * cluster, two parallel workers) on the same files: address match, point in tract, nearest site.
 * Each run loads both engines afresh and runs the three operations, Spark then PostGIS for each,
 * so a ratio compares two measurements taken back to back under the same machine load.
 */
@Command(name = "postgis", mixinStandardHelpOptions = true,
        description = "Spark/Sedona and PostGIS side by side on the address match, point in tract and nearest site.")
final class PostgisComparison extends Bench.Common {
    @Option(names = "--sizes", split = ",", description = "Points (and addresses) per workload (default: ${DEFAULT-VALUE}).")
    List<Long> sizes = List.of(1_000_000L, 5_000_000L, 10_000_000L);

    @Option(names = "--generated-points", description = "At most this many points come from the sample-city generator; "
            + "the rest are uniform inside the tracts (default: ${DEFAULT-VALUE}).")
    long generatedPoints = 1_000_000L;

    @Option(names = "--cores", description = "Spark's local[N] and PostgreSQL's parallel workers (default: ${DEFAULT-VALUE}).")
    int cores = 2;

    @Option(names = "--shuffle-partitions", description = "Spark's shuffle partitions (default: ${DEFAULT-VALUE}).")
    int shufflePartitions = 8;

    @Option(names = "--warm-up-points", description = "An untimed pass of both engines on this many points first; 0 for none "
            + "(default: ${DEFAULT-VALUE}).")
    long warmUpPoints = 20_000L;

    private record Run(int run, double loadAverage, Map<String, double[]> seconds) {}

    @Override
    public Integer call() throws Exception {
        Map<String, String> pgSettings = PostgresServer.settings(cores);
        Settings settings = Settings.load(Optional.empty(), Map.of("equity-lake.spark.master", "local[" + cores + "]",
                "equity-lake.spark.shuffle-partitions", Integer.toString(shufflePartitions)));
        SparkSession spark = SessionFactory.create("bench postgis", settings);
        spark.sparkContext().setLogLevel("WARN");
        try (PostgresServer server = PostgresServer.start(work, pgSettings); PostgisSpatial pg = new PostgisSpatial(server)) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("sizes", sizes);
            parameters.put("runs", runs);
            parameters.put("generated_points", generatedPoints);
            parameters.put("warm_up_points", warmUpPoints);
            parameters.put("spark", Map.of("master", "local[" + cores + "]", "shuffle_partitions", shufflePartitions,
                    "version", spark.version(), "max_heap_bytes", Runtime.getRuntime().maxMemory()));
            parameters.put("postgres", Map.of("versions", server.versions(), "settings", pgSettings));
            Report report = new Report("postgis", parameters);
            report.line("%s; Spark %s local[%d], heap %.0f MiB", server.versions(), spark.version(), cores,
                    Report.mib(Runtime.getRuntime().maxMemory()));
            report.line("%-9s %-15s %9s %10s %8s %10s %10s %6s %s", "points", "operation", "spark s", "postgis s", "ratio",
                    "rows spark", "rows pg", "load", "check");
            warmUp(spark, pg);
            List<Map<String, Object>> perSize = new ArrayList<>();
            for (long size : sizes) {
                perSize.add(measure(spark, pg, SpatialWorkload.prepare(work, size, generatedPoints), report));
            }
            report.line("ratio = Spark wall / PostGIS wall in the same run, median over runs; load = 1-min load average at run starts (median)");
            report.put("sizes", perSize);
            report.write(results);
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** Spark's first queries in a JVM pay for class loading and JIT; PostgreSQL's for a cold catalog cache. */
    private void warmUp(SparkSession spark, PostgisSpatial pg) throws Exception {
        if (warmUpPoints <= 0) {
            return;
        }
        SpatialWorkload w = SpatialWorkload.prepare(work, warmUpPoints, generatedPoints);
        SparkSpatial sp = new SparkSpatial(spark, work.resolve("postgis-results").resolve("warm-up"));
        sp.load(w);
        pg.load(w);
        for (SpatialOperation op : SpatialOperation.values()) {
            sp.run(op);
            pg.run(op);
        }
        sp.unload();
        System.out.printf("warmed up on %d points%n", w.points());
    }

    private Map<String, Object> measure(SparkSession spark, PostgisSpatial pg, SpatialWorkload w, Report report) throws Exception {
        Path out = work.resolve("postgis-results").resolve(Long.toString(w.points()));
        SparkSpatial sp = new SparkSpatial(spark, out.resolve("spark"));
        List<Run> measured = new ArrayList<>();
        Map<SpatialOperation, Map<String, Object>> checks = new EnumMap<>(SpatialOperation.class);
        Map<String, String> plans = new LinkedHashMap<>();
        for (int i = 1; i <= runs; i++) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Map<String, double[]> seconds = new LinkedHashMap<>();
            seconds.put("load", new double[] {sp.load(w), pg.load(w)});
            for (SpatialOperation op : SpatialOperation.values()) {
                seconds.put(op.label, new double[] {sp.run(op), pg.run(op)});
            }
            System.out.printf("%d points, run %d (load %.2f): %s%n", w.points(), i, load, describe(seconds));
            if (i == 1) {
                ResultCheck check = new ResultCheck(spark);
                for (SpatialOperation op : SpatialOperation.values()) {
                    Path csv = out.resolve("postgis").resolve(op.label + ".csv");
                    pg.export(op, csv);
                    checks.put(op, check.compare(op, sp.written(op), csv));
                    plans.put(op.label, pg.plan(op));
                }
            }
            measured.add(new Run(i, load, seconds));
        }
        sp.unload();
        double load = Report.median(measured, Run::loadAverage);
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("points", w.points());
        size.put("generated_points", w.generatedPoints());
        size.put("uniform_points", w.points() - w.generatedPoints());
        size.put("tracts", w.tracts());
        size.put("sites", w.sites());
        size.put("median_load_average", load);
        Map<String, Object> ops = new LinkedHashMap<>();
        for (String step : measured.get(0).seconds().keySet()) {
            double spark1 = Report.median(measured, r -> r.seconds().get(step)[0]);
            double pg1 = Report.median(measured, r -> r.seconds().get(step)[1]);
            double ratio = Report.median(measured, r -> r.seconds().get(step)[0] / r.seconds().get(step)[1]);
            Map<String, Object> check = checks.entrySet().stream().filter(e -> e.getKey().label.equals(step))
                    .map(Map.Entry::getValue).findFirst().orElse(Map.of());
            report.line("%-9d %-15s %9.2f %10.2f %8.2f %10s %10s %6.2f %s", w.points(), step, spark1, pg1, ratio,
                    check.getOrDefault("rows_spark", ""), check.getOrDefault("rows_postgis", ""), load, summary(check));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("spark_seconds", measured.stream().map(r -> r.seconds().get(step)[0]).toList());
            o.put("postgis_seconds", measured.stream().map(r -> r.seconds().get(step)[1]).toList());
            o.put("ratios", measured.stream().map(r -> r.seconds().get(step)[0] / r.seconds().get(step)[1]).toList());
            o.put("median_spark_seconds", spark1);
            o.put("median_postgis_seconds", pg1);
            o.put("median_ratio", ratio);
            if (!check.isEmpty()) {
                o.put("check", check);
                o.put("postgis_plan", plans.get(step));
            }
            ops.put(step, o);
        }
        size.put("load_averages", measured.stream().map(Run::loadAverage).toList());
        size.put("operations", ops);
        return size;
    }

    private static String describe(Map<String, double[]> seconds) {
        StringBuilder b = new StringBuilder();
        seconds.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.2f/%.2f s  ", k, v[0], v[1])));
        return b.toString().trim();
    }

    private static String summary(Map<String, Object> check) {
        if (check.isEmpty()) {
            return "";
        }
        String s = "mismatches " + check.get("mismatches");
        return check.containsKey("ties") ? s + ", ties " + check.get("ties") : s;
    }
}
