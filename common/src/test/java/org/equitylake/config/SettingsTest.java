package org.equitylake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsRunOnALaptopWithNoSetup() {
        Settings s = Settings.defaults();
        assertEquals("./lake", s.lakeRoot());
        assertEquals("local[*]", s.spark().master());
        assertTrue(s.spark().shufflePartitions() <= 16);
        assertTrue(s.isDemo());
        assertEquals(2, s.programs().size());
    }

    @Test
    void aFileOverlaysTheDefaultsAndTheCommandLineWins() throws IOException {
        Path conf = write("equity-lake { lake.root = \"/data/lake\", spark.shuffle-partitions = 64 }");
        Settings s = Settings.load(Optional.of(conf), Map.of("equity-lake.spark.shuffle-partitions", "3"));
        assertEquals("/data/lake", s.lakeRoot());
        assertEquals(3, s.spark().shufflePartitions());
    }

    @Test
    void aMisspelledKeyIsOneLineNamingTheKeyAndTheFile() throws IOException {
        Path conf = write("equity-lake {\n  lake.rot = \"/data/lake\"\n}\n");
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(Optional.of(conf), Map.of()));
        assertTrue(e.getMessage().contains("equity-lake.lake.rot"), e.getMessage());
        assertTrue(e.getMessage().contains(conf.getFileName().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aMistypedValueNamesTheKeyAndTheFile() throws IOException {
        Path conf = write("equity-lake.spark.shuffle-partitions = lots\n");
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(Optional.of(conf), Map.of()));
        assertTrue(e.getMessage().contains("shuffle-partitions"), e.getMessage());
        assertTrue(e.getMessage().contains(conf.getFileName().toString()), e.getMessage());
    }

    @Test
    void aMissingConfigurationFileIsSaidPlainly() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.load(Optional.of(dir.resolve("nope.conf")), Map.of()));
        assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
    }

    @Test
    void anUnsetRequiredEnvironmentVariableIsNamed() throws IOException {
        Path conf = write("equity-lake.lake.root = ${EQUITY_LAKE_TEST_SURELY_UNSET_VARIABLE}\n");
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(Optional.of(conf), Map.of()));
        assertTrue(e.getMessage().contains("EQUITY_LAKE_TEST_SURELY_UNSET_VARIABLE"), e.getMessage());
    }

    @Test
    void productionRefusesToPseudonymiseWithoutAKeyAndSecretsAreMasked() {
        Settings production = Settings.load(Optional.empty(), Map.of("equity-lake.profile", "production"));
        SettingsException e = assertThrows(SettingsException.class, production::hmacKey);
        assertTrue(e.getMessage().contains("EQUITY_LAKE_HMAC_KEY"), e.getMessage());

        Settings keyed = Settings.load(Optional.empty(), Map.of("equity-lake.privacy.hmac-key", "s3cr3t-value"));
        assertEquals("s3cr3t-value", keyed.hmacKey());
        assertTrue(keyed.describe().stream().noneMatch(l -> l.contains("s3cr3t-value")));
        assertTrue(keyed.describe().stream().anyMatch(l -> l.contains("hmac-key = ****")));
    }

    @Test
    void anUnknownProfileIsRejected() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.load(Optional.empty(), Map.of("equity-lake.profile", "staging")));
        assertTrue(e.getMessage().contains("profile"), e.getMessage());
    }

    @Test
    void everyShippedOverlayParses() {
        Path repo = Path.of(System.getProperty("equitylake.repo.root", ".."));
        for (String overlay : new String[] {"conf/s3.conf", "conf/cluster.conf"}) {
            Path file = repo.resolve(overlay);
            assertTrue(Files.isRegularFile(file), overlay);
            // Required environment variables are unset here: the error must name one, not a parse failure.
            SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(Optional.of(file), Map.of()));
            assertTrue(e.getMessage().contains("EQUITY_LAKE_"), e.getMessage());
        }
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("test.conf");
        Files.writeString(file, text);
        return file;
    }
}
