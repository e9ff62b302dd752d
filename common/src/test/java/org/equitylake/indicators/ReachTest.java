package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReachTest {
    @Test
    void pointEstimateStandardErrorAndIntervals() {
        // 50 served of 400 ± 82.25 eligible (SE 82.25 / 1.645 = 50): r = 0.125
        // Var(r)/r² = 1/50 + (50/400)² = 0.02 + 0.015625 = 0.035625 → SE = 0.125 × 0.188746 = 0.0235932
        // 95 %: 0.125 ± 1.96 × 0.0235932 = [0.078757, 0.171243]; 90 %: ± 1.645 × SE = [0.086189, 0.163811]
        Reach.Result r = Reach.of(50, new Estimate(400, 82.25));
        assertEquals(0.125, r.reach(), 1e-12);
        assertEquals(0.0235932, r.se(), 1e-7);
        assertEquals(0.078757, r.lower95(), 1e-6);
        assertEquals(0.171243, r.upper95(), 1e-6);
        assertEquals(0.086189, r.lower90(), 1e-6);
        assertEquals(0.163811, r.upper90(), 1e-6);
        assertEquals(0.0235932 / 0.125, r.cv(), 1e-6);
        assertFalse(r.isEligibleNearZero());
        assertFalse(r.isAboveOne());
    }

    @Test
    void anExactDenominatorLeavesOnlyThePoissonTerm() {
        // SE = 0.125 × sqrt(1/50) = 0.0176777
        assertEquals(0.0176777, Reach.of(50, Estimate.exact(400)).se(), 1e-7);
    }

    @Test
    void zeroEligibleIsNullAndFlagged() {
        Reach.Result r = Reach.of(3, new Estimate(0, 12));
        assertTrue(r.isEligibleNearZero());
        assertNull(r.reach());
        assertNull(r.se());
        assertNull(r.upper95());
        assertTrue(Reach.of(3, new Estimate(4, 12), 5).isEligibleNearZero());
    }

    @Test
    void nobodyServedUsesTheExactPoissonUpperLimit() {
        // upper 95 % = −ln(0.025) / 400 = 3.688879 / 400 = 0.0092222; 90 %: −ln(0.05) / 400 = 0.0074893
        Reach.Result r = Reach.of(0, new Estimate(400, 50));
        assertEquals(0, r.reach());
        assertEquals(0, r.lower95());
        assertEquals(0.0092222, r.upper95(), 1e-7);
        assertEquals(0.0074893, r.upper90(), 1e-7);
    }

    @Test
    void moreServedThanEstimatedEligibleIsKeptAndFlagged() {
        Reach.Result r = Reach.of(30, new Estimate(20, 15));
        assertEquals(1.5, r.reach(), 1e-12);
        assertTrue(r.isAboveOne());
    }

    @Test
    void negativeServedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Reach.of(-1, Estimate.exact(10)));
    }
}
