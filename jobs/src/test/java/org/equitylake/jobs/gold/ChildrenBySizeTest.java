package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
    void anExactFitHasNoErrorAndABoundShareNoVariance() {
        ChildrenBySize.Fit exact = ChildrenBySize.fit(tracts(new double[] {0, 0, 0.2, 0.7, 0.8, 0.9, 0.9, 0.95}));
        assertEquals(0, exact.covariance()[2][2], 1e-12);

        ChildrenBySize.Fit bound = ChildrenBySize.fit(noisyTracts(new double[] {0, 0, 0.2, 0.7, 0.8, 0.9, 1.0, 1.0}, 60, new SplittableRandom(3)));
        for (int s = 2; s <= 7; s++) {
            if (bound.shares()[s] == 0 || bound.shares()[s] == 1) {
                assertEquals(0, bound.covariance()[s][s], 0, "a share held at a bound is not estimated");
            }
        }
    }

    @Test
    void theStandardErrorsMatchTheSpreadOfTheSharesOverSurveys() {
        // Each survey counts a tract's families with children binomially: the regression's own
        // standard error should match how much p_2 moves from one survey to the next.
        double[] p = {0, 0, 0.25, 0.7, 0.8, 0.85, 0.9, 0.9};
        SplittableRandom random = new SplittableRandom(20161);
        int surveys = 300;
        double sum = 0;
        double squares = 0;
        double reportedVariance = 0;
        int covered = 0;
        for (int i = 0; i < surveys; i++) {
            ChildrenBySize.Fit fit = ChildrenBySize.fit(noisyTracts(p, 80, random));
            double p2 = fit.shares()[2];
            double se = Math.sqrt(fit.covariance()[2][2]);
            sum += p2;
            squares += p2 * p2;
            reportedVariance += se * se;
            covered += Math.abs(p2 - p[2]) <= 1.96 * se ? 1 : 0;
        }
        double empiricalSd = Math.sqrt(squares / surveys - (sum / surveys) * (sum / surveys));
        double reportedSd = Math.sqrt(reportedVariance / surveys);
        assertEquals(1, reportedSd / empiricalSd, 0.2, "reported " + reportedSd + ", empirical " + empiricalSd);
        assertTrue(covered >= surveys * 0.9, "p_2 inside its 95 % interval in " + covered + " of " + surveys + " surveys");
    }

    /** Tracts of varied size whose families with children are drawn binomially with shares p. */
    private static List<TractAcs> noisyTracts(double[] p, int count, SplittableRandom random) {
        List<TractAcs> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            TractAcs a = new TractAcs("t" + t);
            double children = 0;
            for (int s = 2; s <= 7; s++) {
                double families = Math.floor((40 + random.nextInt(160)) * (s == 2 ? 1.6 : s >= 6 ? 0.3 : 1.0));
                a.put("B11016", s + 1, families, 5.0);
                for (int f = 0; f < families; f++) {
                    children += random.nextDouble() < p[s] ? 1 : 0;
                }
            }
            a.put("B11005", 2, children, 5.0);
            out.add(a);
        }
        return out;
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
