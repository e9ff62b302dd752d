package org.equitylake.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.equitylake.config.Settings;
import org.equitylake.ops.RunReport;
import org.equitylake.sample.SampleCityGenerator;
import org.equitylake.sample.SampleCityOptions;
import org.equitylake.spark.Lake;
import org.equitylake.testing.SparkTestSession;

/**
 * The sample city generated once per test JVM and carried through the pipeline on demand, so the
 * layers' tests share one run. Its scale is the system property {@code equitylake.test.scale}.
 */
public final class PipelineFixture {
    public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final double SCALE = Double.parseDouble(System.getProperty("equitylake.test.scale", "0.3"));
    private static PipelineFixture shared;

    public final Path root;
    public final Path landing;
    public final Path truth;
    public final Settings settings;
    private final List<String> done = new ArrayList<>();

    private PipelineFixture(Path root) {
        this(root, root.resolve("lake"));
    }

    /** Another lake over the city generated under {@code root}: to compare two ways of running the same input. */
    public PipelineFixture(Path root, Path lakeRoot) {
        this.root = root;
        this.landing = root.resolve("sample/landing");
        this.truth = root.resolve("sample/truth");
        this.settings = SparkTestSession.settings(lakeRoot.toString(), landing.toString());
    }

    /** A fresh city in its own folder, for tests that change the landing zone or the lake. */
    public static PipelineFixture fresh(Path folder, double scale) {
        PipelineFixture f = new PipelineFixture(folder);
        SampleCityGenerator.generate(SampleCityOptions.defaults(folder.resolve("sample")).withScale(scale));
        return f;
    }

    /**
     * The shared city, run through the jobs named (in pipeline order) and any before them. Starts
     * from a copy of the seed fixture (system property {@code equitylake.test.fixture.seed}, another
     * module's shared city) when that one is as far along and newer than the code that built it.
     */
    public static synchronized PipelineFixture upTo(String lastJob) {
        if (shared == null) {
            Path root = Path.of("target", "pipeline-fixture").toAbsolutePath();
            deleteRecursively(root);
            Optional<List<String>> seeded = copySeed(lastJob, root);
            shared = seeded.isPresent() ? new PipelineFixture(root) : fresh(root, SCALE);
            seeded.ifPresent(shared.done::addAll);
        }
        for (Job job : Pipeline.nightly()) {
            if (!shared.done.contains(job.name())) {
                shared.run(job);
                shared.done.add(job.name());
                shared.writeMarker();
            }
            if (job.name().equals(lastJob)) {
                break;
            }
        }
        return shared;
    }

    private static final String MARKER = "fixture.properties";

    /** Records the scale and the jobs run, so another module's tests can tell whether to reuse this city. */
    private void writeMarker() {
        Properties marker = new Properties();
        marker.setProperty("scale", Double.toString(SCALE));
        marker.setProperty("done", String.join(",", done));
        try (var out = Files.newOutputStream(root.resolve(MARKER))) {
            marker.store(out, "PipelineFixture");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the seed fixture into {@code root} when it has the same scale, has run {@code lastJob},
     * and is newer than every class of {@code equitylake.test.fixture.code} (folders); returns the
     * jobs it has run, or empty to build afresh.
     */
    private static Optional<List<String>> copySeed(String lastJob, Path root) {
        String seedProperty = System.getProperty("equitylake.test.fixture.seed", "");
        Path seed = seedProperty.isEmpty() ? null : Path.of(seedProperty);
        if (seed == null || !Files.isRegularFile(seed.resolve(MARKER))) {
            return Optional.empty();
        }
        try {
            Properties marker = new Properties();
            try (var in = Files.newInputStream(seed.resolve(MARKER))) {
                marker.load(in);
            }
            List<String> done = List.of(marker.getProperty("done", "").split(","));
            long built = Files.getLastModifiedTime(seed.resolve(MARKER)).toMillis();
            boolean sameScale = Double.parseDouble(marker.getProperty("scale", "-1")) == SCALE;
            if (!sameScale || !done.contains(lastJob) || newestClass() >= built) {
                return Optional.empty();
            }
            try (Stream<Path> paths = Files.walk(seed)) {
                for (Path p : paths.toList()) {
                    Path target = root.resolve(seed.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return Optional.of(done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long newestClass() throws IOException {
        long newest = 0;
        for (String folder : System.getProperty("equitylake.test.fixture.code", "").split(",")) {
            if (folder.isBlank() || !Files.isDirectory(Path.of(folder))) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(Path.of(folder))) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return newest;
    }

    public RunReport run(Job job) {
        return runAsOf(job, AS_OF.toString());
    }

    public RunReport runAsOf(Job job, String asOf) {
        return new JobRunner(settings, SparkTestSession.get(), LocalDate.parse(asOf), Optional.empty()).run(job);
    }

    public Lake lake() {
        return new Lake(SparkTestSession.get(), settings.lakeRoot());
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
