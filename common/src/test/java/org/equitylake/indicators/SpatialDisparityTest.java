package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.equitylake.indicators.SpatialDisparity.Tract;
import org.equitylake.indicators.SpatialDisparity.TractResult;
import org.junit.jupiter.api.Test;

class SpatialDisparityTest {
    // Baseline: tract 1 = 400 ± 80, tract 2 = 600 ± 90; city = 1000 ± sqrt(80² + 90²) = ± 120.416
    // tract 1 share 0.4: MOE = sqrt(80² − 0.4² × 14500) / 1000 = sqrt(4080) / 1000 = 0.0638749
    //   SE = 0.0638749 / 1.645 = 0.0388297; 95 %: 0.4 ± 1.96 × SE = [0.323894, 0.476106]
    // tract 2 share 0.6: MOE = sqrt(90² − 0.36 × 14500) / 1000 = sqrt(2880) / 1000 = 0.0536656
    //   SE = 0.0326235; 95 %: [0.536058, 0.663942]
    private static List<Tract> tracts(long p1, long p2) {
        return List.of(new Tract("t1", p1, new Estimate(400, 80)), new Tract("t2", p2, new Estimate(600, 90)));
    }

    @Test
    void sharesIntervalAndSignificance() {
        // participants 30 / 70: shares 0.3 and 0.7, disparities −0.1 and +0.1, both outside their intervals
        List<TractResult> r = SpatialDisparity.analyse(tracts(30, 70));
        TractResult t1 = r.get(0);
        assertEquals(0.3, t1.participantShare(), 1e-12);
        assertEquals(0.4, t1.baselineShare(), 1e-12);
        assertEquals(0.0388297, t1.baselineShareSe(), 1e-7);
        assertEquals(0.323894, t1.baselineLower95(), 1e-6);
        assertEquals(0.476106, t1.baselineUpper95(), 1e-6);
        assertEquals(-0.1, t1.disparity(), 1e-12);
        assertTrue(t1.isSignificant());
        assertEquals(0.536058, r.get(1).baselineLower95(), 1e-6);
        assertEquals(0.663942, r.get(1).baselineUpper95(), 1e-6);
        assertTrue(r.get(1).isSignificant());
    }

    @Test
    void theNinetyPercentMoeIsNotUsedAsANinetyFivePercentHalfWidth() {
        // participants 33 / 67: tract 1 share 0.33 lies inside [0.323894, 0.476106] → not significant.
        // Had the 90 % MOE (0.0638749) been used as the half-width, the interval would be
        // [0.336125, 0.463875] and 0.33 would wrongly be flagged.
        List<TractResult> r = SpatialDisparity.analyse(tracts(33, 67));
        assertFalse(r.get(0).isSignificant());
        assertEquals(-0.07, r.get(0).disparity(), 1e-12);
        // tract 2: 0.67 > 0.663942 → significant
        assertTrue(r.get(1).isSignificant());
    }

    @Test
    void noParticipantsAtAllIsNotSignificant() {
        List<TractResult> r = SpatialDisparity.analyse(tracts(0, 0));
        assertNull(r.get(0).participantShare());
        assertNull(r.get(0).disparity());
        assertFalse(r.get(0).isSignificant());
    }
}
