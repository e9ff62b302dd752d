package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildrenBySizeTest {
    /** Tracts whose households with children are exactly Σ p_s × families of size s. */
    private static List<TractAcs> tracts(double[] p) {
        List<TractAcs> out = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            TractAcs a = new TractAcs("t" + t);
            double children = 0;
            for (int s = 2; s <= 7; s++) {
                double families = 10 + ((t * 7 + s * 13) % 23) * (s == 2 ? 3 : 1);
                a.put("B11016", s + 1, families, 5.0);
                children += p[s] * families;
            }
            a.put("B11005", 2, children, 5.0);
            out.add(a);
        }
        return out;
    }

    @Test
    void recoversTheSharesOfFamiliesWithChildrenBySize() {
        double[] p = {0, 0, 0.2, 0.7, 0.8, 0.9, 0.9, 0.95};
        assertArrayEquals(p, ChildrenBySize.shares(tracts(p)), 1e-9);
    }

    @Test
    void sharesOutsideZeroToOneAreHeldAtTheBound() {
        double[] p = {0, 0, 0.1, 0.6, 0.8, 0.9, 1.0, 1.0};
        double[] fitted = ChildrenBySize.shares(tracts(p));
        for (int s = 2; s <= 7; s++) {
            assertEquals(p[s], fitted[s], 1e-9);
        }
        assertEquals(1.0, ChildrenBySize.shares(List.of(new TractAcs("empty")))[2], "no information: no adjustment");
    }

    @Test
    void childcareWeightsFamiliesBySharesWithChildren() {
        TractAcs t = EligibleEstimatorTest.tract();
        t.put("B11016", 4, 150.0, 30.0);
        double[] limits = {0, 10_000, 10_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000};
        double[] p = {0, 0, 0.25, 0.75, 1, 1, 1, 1};

        EligibleEstimator.TractEligible e = EligibleEstimator.estimate(t, limits, p);

        // 150 two-person families (a quarter with children) and 150 of three (three quarters): weights 1/4 and 3/4.
        assertEquals(0.2 * (0.25 * 100 + 0.75 * 200), e.total().value(), 1e-9);
    }
}
