package org.equitylake.jobs.gold;

import org.equitylake.jobs.PipelineFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The planted effects recovered end to end: the shared sample city through ingest, clean, geocode
 * and indicators ({@link PipelineFixture}). Enabled with {@code -Dequitylake.e2e=true}; the effects
 * need a city of some size, e.g. {@code -Dequitylake.test.scale=1}.
 */
@EnabledIfSystemProperty(named = "equitylake.e2e", matches = "true")
class PlantedEffectsE2ETest {
    static PlantedEffects effects;

    @BeforeAll
    static void runPipeline() {
        PipelineFixture fixture = PipelineFixture.upTo("indicators");
        if (!fixture.lake().exists(Gold.SCORECARD)) {
            fixture.run(new IndicatorsJob());
        }
        effects = new PlantedEffects(fixture.lake(), fixture.truth);
    }

    @Test
    void eligibleEstimates() {
        effects.eligibleEstimatesTrackTheTruth(0.2);
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
