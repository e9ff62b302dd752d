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

    /** The shared city, run through the jobs named (in pipeline order) and any before them. */
    public static synchronized PipelineFixture upTo(String lastJob) {
        if (shared == null) {
            Path root = Path.of("target", "pipeline-fixture").toAbsolutePath();
            deleteRecursively(root);
            shared = fresh(root, SCALE);
        }
        for (Job job : Pipeline.nightly()) {
            if (!shared.done.contains(job.name())) {
                shared.run(job);
                shared.done.add(job.name());
            }
            if (job.name().equals(lastJob)) {
                break;
            }
        }
        return shared;
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
