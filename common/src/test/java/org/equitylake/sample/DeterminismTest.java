package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static SampleCityOptions small(long seed, Path out) {
        return new SampleCityOptions(seed, 0.3, 2016, 2025, out, SampleCityParameters.defaults());
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        Map<String, String> first = hashes(SampleCities.generate(small(7, SampleCities.temporary("a"))).out());
        Map<String, String> second = hashes(SampleCities.generate(small(7, SampleCities.temporary("b"))).out());

        assertTrue(first.size() > 300, "expected the whole landing zone and truth, got " + first.size() + " files");
        assertEquals(first, second);
    }

    @Test
    void anotherSeedGivesAnotherCity() throws Exception {
        Map<String, String> a = hashes(SampleCities.generate(small(7, SampleCities.temporary("c"))).out());
        Map<String, String> b = hashes(SampleCities.generate(small(8, SampleCities.temporary("d"))).out());

        assertNotEquals(a.get("landing/reference/address_points.csv"), b.get("landing/reference/address_points.csv"));
        assertNotEquals(a.get("landing/reference/census_tracts.geojson"), b.get("landing/reference/census_tracts.geojson"));
    }

    /** Relative path to SHA-256 of every file under the output folder. */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
