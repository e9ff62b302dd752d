package org.equitylake.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Generated cities shared by the tests of one JVM: the default city is generated once. */
final class SampleCities {
    record City(Path out, GenerationSummary summary) {
        Path landing() {
            return out.resolve("landing");
        }

        Path truth() {
            return out.resolve("truth");
        }
    }

    private static City defaultCity;

    private SampleCities() {}

    static synchronized City defaultCity() {
        if (defaultCity == null) {
            Path dir = temporary("default");
            defaultCity = new City(dir, SampleCityGenerator.generate(SampleCityOptions.defaults(dir)));
        }
        return defaultCity;
    }

    static City generate(SampleCityOptions options) {
        return new City(options.out(), SampleCityGenerator.generate(options));
    }

    static Path temporary(String name) {
        try {
            Path dir = Files.createTempDirectory("equity-lake-sample-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort on the way out
        }
    }
}
