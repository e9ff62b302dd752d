package org.equitylake.jobs.gold;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.equitylake.config.Settings;
import org.equitylake.jobs.JobRunner;
import org.equitylake.sample.SampleCityGenerator;
import org.equitylake.sample.SampleCityOptions;
import org.equitylake.spark.Lake;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted effects recovered by the gold layer alone: the sample city at full scale, its truth
 * loaded as a perfect pipeline's silver tables ({@link TruthFedLake}), then the indicators job.
 * About two minutes; run with {@code -Dequitylake.truthfed=true}.
 */
@EnabledIfSystemProperty(named = "equitylake.truthfed", matches = "true")
class TruthFedPlantedEffectsTest {
    @TempDir
    static Path dir;
    static PlantedEffects effects;

    @BeforeAll
    static void build() {
        Path sample = dir.resolve("sample");
        SampleCityGenerator.generate(SampleCityOptions.defaults(sample));
        Settings settings = SparkTestSession.settings(dir.resolve("lake").toString());
        Lake lake = new Lake(SparkTestSession.get(), settings.lakeRoot());
        TruthFedLake.build(sample.resolve("landing"), sample.resolve("truth"), lake);
        new JobRunner(settings, SparkTestSession.get(), LocalDate.of(2025, 12, 31), Optional.empty()).run(new IndicatorsJob());
        effects = new PlantedEffects(lake, sample.resolve("truth"));
    }

    @Test
    void eligibleEstimates() {
        effects.eligibleEstimatesTrackTheTruth(0.15);
    }

    @Test
    void distanceDecay() {
        effects.distanceDecay();
    }

    @Test
    void smallHouseholdBias() {
        effects.smallHouseholdBias();
    }

    @Test
    void leakageShare() {
        effects.leakageShare();
    }

    @Test
    void neighbourhoodMismatch() {
        effects.neighbourhoodMismatch();
    }

    @Test
    void lowTakeUpTracts() {
        effects.lowTakeUpTracts();
    }
}
