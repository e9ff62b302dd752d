package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.equitylake.indicators.Disparity.Better;
import org.equitylake.indicators.Disparity.DimensionResult;
import org.equitylake.indicators.Disparity.Group;
import org.equitylake.indicators.Disparity.GroupResult;
import org.junit.jupiter.api.Test;

class DisparityTest {
    private static final double NAN = Double.NaN;

    @Test
    void sharesRepresentationAndAClearlyDifferentGroup() {
        // A: 100 of 1000 (rate 0.10), B (reference): 50 of 1000 (rate 0.05)
        // participant shares 100/150 = 0.6667, 50/150 = 0.3333; population shares 0.5 each
        // representation 0.6667 / 0.5 = 1.3333 and 0.6667; RR = 0.10 / 0.05 = 2
        // Katz: SE(log RR) = sqrt(1/100 − 1/1000 + 1/50 − 1/1000) = sqrt(0.028) = 0.167332
        // CI = exp(ln 2 ± 1.96 × 0.167332) = [1.440768, 2.776297] → excludes 1, significant
        DimensionResult d = Disparity.analyse(List.of(
                new Group("A", 100, Estimate.exact(1000)),
                new Group("B", 50, Estimate.exact(1000))), "B", Better.HIGHER);
        GroupResult a = d.groups().get(0);
        assertEquals(2.0 / 3, a.participantShare(), 1e-12);
        assertEquals(0.5, a.populationShare(), 1e-12);
        assertEquals(4.0 / 3, a.representationIndex(), 1e-12);
        assertEquals(0.1, a.rate(), 1e-12);
        assertEquals(2, a.rateRatio(), 1e-12);
        assertEquals(1.440768, a.rateRatioLower95(), 1e-6);
        assertEquals(2.776297, a.rateRatioUpper95(), 1e-6);
        assertTrue(a.isSignificant());
        GroupResult b = d.groups().get(1);
        assertEquals(2.0 / 3, b.representationIndex(), 1e-12);
        assertEquals(1, b.rateRatio(), 1e-12);
        assertNull(b.rateRatioLower95());
        assertFalse(b.isSignificant());
        assertEquals("Katz log rate-ratio 95% CI", d.test());
        // index of disparity: best 0.10; (|0.10 − 0.10| + |0.10 − 0.05|) / 0.10 / (2 − 1) × 100 = 50
        assertEquals(50, d.indexOfDisparity(), 1e-9);
    }

    @Test
    void allGroupsEqualGiveIndexZeroAndRatioOneNotSignificant() {
        // each 50 of 500: RR = 1, SE = sqrt(2 × (1/50 − 1/500)) = sqrt(0.036) = 0.189737
        // CI = exp(± 1.96 × 0.189737) = [0.689434, 1.450465] → contains 1
        DimensionResult d = Disparity.analyse(List.of(
                new Group("A", 50, Estimate.exact(500)),
                new Group("B", 50, Estimate.exact(500)),
                new Group("C", 50, Estimate.exact(500))), "A", Better.HIGHER);
        assertEquals(0, d.indexOfDisparity(), 1e-12);
        for (GroupResult g : d.groups().subList(1, 3)) {
            assertEquals(1, g.rateRatio(), 1e-12);
            assertEquals(0.689434, g.rateRatioLower95(), 1e-6);
            assertEquals(1.450465, g.rateRatioUpper95(), 1e-6);
            assertFalse(g.isSignificant());
            assertEquals(1, g.representationIndex(), 1e-12);
        }
    }

    @Test
    void populationMoeWidensTheInterval() {
        // as the first test but both populations 1000 ± 164.5 (SE 100): add (100/1000)² twice = 0.02
        // SE = sqrt(0.028 + 0.02) = 0.219089; CI = exp(ln 2 ± 1.96 × 0.219089) = [1.301780, 3.072715]
        DimensionResult d = Disparity.analyse(List.of(
                new Group("A", 100, new Estimate(1000, 164.5)),
                new Group("B", 50, new Estimate(1000, 164.5))), "B", Better.HIGHER);
        assertEquals(1.301780, d.groups().get(0).rateRatioLower95(), 1e-6);
        assertEquals(3.072715, d.groups().get(0).rateRatioUpper95(), 1e-6);
        // population share 0.5: MOE = sqrt(164.5² − 0.25 × 2 × 164.5²) / 2000 = 116.3191 / 2000 = 0.0581596
        assertEquals(0.0581596, d.groups().get(0).populationShareMoe90(), 1e-7);
    }

    @Test
    void indexOfDisparityAsRaceCountsComputesIt() {
        // higher is better: best 0.10; diffs 0, 0.05, 0.02 → 0.07 / 0.10 / (3 − 1) × 100 = 35
        assertEquals(35, Disparity.indexOfDisparity(new double[] {0.10, 0.05, 0.08}, Better.HIGHER), 1e-9);
        // lower is better: best 0.05; diffs 0.05, 0, 0.03 → 0.08 / 0.05 / 2 × 100 = 80
        assertEquals(80, Disparity.indexOfDisparity(new double[] {0.10, 0.05, 0.08}, Better.LOWER), 1e-9);
        // a rate of 0 is never "best" when lower is better: best 0.04; diffs 0.04, 0, 0.06 → 0.10/0.04/2 × 100 = 125
        assertEquals(125, Disparity.indexOfDisparity(new double[] {0, 0.04, 0.10}, Better.LOWER), 1e-9);
        // groups without a rate are skipped: best 0.2; diffs 0, 0.1 → 0.1 / 0.2 / 1 × 100 = 50
        assertEquals(50, Disparity.indexOfDisparity(new double[] {0.2, NAN, 0.1}, Better.HIGHER), 1e-9);
        assertNull(Disparity.indexOfDisparity(new double[] {0.2}, Better.HIGHER));
        assertNull(Disparity.indexOfDisparity(new double[] {0, 0}, Better.HIGHER));
        assertNull(Disparity.indexOfDisparity(new double[] {0, 0.3}, Better.LOWER));
    }

    @Test
    void aGroupWithNobodyHasNoInterval() {
        DimensionResult d = Disparity.analyse(List.of(
                new Group("A", 0, Estimate.exact(300)),
                new Group("B", 40, Estimate.exact(400))), "B", Better.HIGHER);
        GroupResult a = d.groups().get(0);
        assertEquals(0, a.rateRatio(), 1e-12);
        assertNull(a.rateRatioLower95());
        assertFalse(a.isSignificant());
        // best 0.1: (0.1 + 0) / 0.1 / 1 × 100 = 100
        assertEquals(100, d.indexOfDisparity(), 1e-9);
    }

    @Test
    void anUnknownReferenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Disparity.analyse(
                List.of(new Group("A", 1, Estimate.exact(10))), "Z", Better.HIGHER));
    }
}
