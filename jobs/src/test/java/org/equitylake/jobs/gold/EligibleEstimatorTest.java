package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.equitylake.indicators.Estimate;
import org.junit.jupiter.api.Test;

class EligibleEstimatorTest {
    private static final double[] FLAT_15K = {0, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000};

    /** 100 households under $10,000 (MOE 20), 100 at $10,000-14,999 (MOE 30), 100 at $15,000-19,999 (MOE 40). */
    static TractAcs tract() {
        TractAcs t = new TractAcs("06999000100");
        t.put("B19001", 1, 300.0, 50.0).put("B19001", 2, 100.0, 20.0).put("B19001", 3, 100.0, 30.0).put("B19001", 4, 100.0, 40.0);
        for (int line = 5; line <= 17; line++) {
            t.put("B19001", line, 0.0, 16.0);
        }
        // 150 families of 2, 150 nonfamily households of 1.
        t.put("B11016", 1, 300.0, 40.0).put("B11016", 2, 150.0, 30.0).put("B11016", 3, 150.0, 30.0)
                .put("B11016", 9, 150.0, 30.0).put("B11016", 10, 150.0, 30.0);
        t.put("B11005", 1, 300.0, 40.0).put("B11005", 2, 60.0, 20.0).put("B11005", 3, 240.0, 35.0);
        t.put("C16002", 1, 300.0, 40.0).put("C16002", 2, 150.0, 30.0).put("C16002", 3, 150.0, 30.0);
        t.put("B11001", 1, 300.0, 40.0).put("B11001", 2, 300.0, 40.0);
        return t;
    }

    @Test
    void householdsBelowOneLimitAcrossSizes() {
        EligibleEstimator.TractEligible e = EligibleEstimator.estimate(tract(), FLAT_15K, false);

        assertEquals(200, e.total().value(), 1e-9);
        assertEquals(Math.sqrt(20 * 20 + 30 * 30), e.total().moe90(), 1e-9, "ACS sum formula over the whole brackets");
        // Half the limit, 7,500, splits the first bracket linearly: 0.75 x 100.
        assertEquals(75, e.under50().value(), 1e-9);
        assertEquals(0.75 * 20, e.under50().moe90(), 1e-9);
        assertEquals(125, e.from50To100().value(), 1e-9);
        assertEquals(Math.hypot(e.total().moe90(), e.under50().moe90()), e.from50To100().moe90(), 1e-9);
    }

    @Test
    void sizeSpecificLimitsAreWeightedBySizeShares() {
        double[] limits = {0, 10_000, 15_000, 20_000, 20_000, 20_000, 20_000, 20_000, 20_000};
        EligibleEstimator.TractEligible e = EligibleEstimator.estimate(tract(), limits, false);

        // Half the households are 1-person (limit 10,000: 100 below), half 2-person (15,000: 200 below).
        assertEquals(0.5 * 100 + 0.5 * 200, e.total().value(), 1e-9);
        assertEquals(0.5 * 20 + 0.5 * Math.hypot(20, 30), e.total().moe90(), 1e-9,
                "margins of sizes add up as perfectly correlated terms");
        assertEquals(150, e.bySize().get("1-2").value(), 1e-9);
        assertEquals(0, e.bySize().get("3-4").value(), 1e-9);
    }

    @Test
    void aSizeThatEarnsMoreIsComparedWithTheTractsIncomesScaledUp() {
        double[] richer2 = IncomeBySize.uniform();
        richer2[2] = 1.5;
        EligibleEstimator.TractEligible e = EligibleEstimator.estimate(tract(), FLAT_15K, null, richer2);

        // 1-person households: 200 below 15,000. 2-person households earn 1.5 times as much, so
        // 15,000 for them is 10,000 on the tract's scale: 100 below.
        assertEquals(0.5 * 200 + 0.5 * 100, e.total().value(), 1e-9);
    }

    @Test
    void incomeRatiosPoolTheSizeMediansOverTractsByHouseholds() {
        TractAcs a = tract().put("B19019", 1, 50_000.0, 4_000.0).put("B19019", 2, 40_000.0, 5_000.0)
                .put("B19019", 3, 60_000.0, 6_000.0);
        // Tract b: 300 one-person households and no 2-person ones; its 3-person median has no sample.
        TractAcs b = new TractAcs("06999000200").put("B11016", 10, 300.0, 30.0)
                .put("B19019", 1, 100_000.0, 9_000.0).put("B19019", 2, 70_000.0, 9_000.0).put("B19019", 4, null, null);

        double[] r = IncomeBySize.ratios(java.util.List.of(a, b));

        assertEquals((150 * 40_000.0 + 300 * 70_000.0) / (150 * 50_000.0 + 300 * 100_000.0), r[1], 1e-12);
        assertEquals(60_000.0 / 50_000.0, r[2], 1e-12);
        assertEquals(1, r[3], 0, "no tract publishes a 3-person median");
        assertEquals(1, IncomeBySize.ratios(java.util.List.of(tract()))[1], 0, "without B19019 income is taken as independent of size");
    }

    @Test
    void anIncomeRatioCarriesTheRatioEstimatorsStandardError() {
        TractAcs a = tract().put("B19019", 1, 50_000.0, 4_000.0).put("B19019", 2, 40_000.0, 5_000.0)
                .put("B19019", 3, 60_000.0, 6_000.0);
        TractAcs b = new TractAcs("06999000200").put("B11016", 10, 300.0, 30.0)
                .put("B19019", 1, 100_000.0, 9_000.0).put("B19019", 2, 70_000.0, 9_000.0);

        IncomeBySize.Fit fit = IncomeBySize.fit(java.util.List.of(a, b));

        // y = H·m_s, x = H·m: (150·40,000, 150·50,000) and (300·70,000, 300·100,000).
        double r = fit.ratios()[1];
        double ya = 150 * 40_000.0;
        double xa = 150 * 50_000.0;
        double yb = 300 * 70_000.0;
        double xb = 300 * 100_000.0;
        double squares = (ya - r * xa) * (ya - r * xa) + (yb - r * xb) * (yb - r * xb);
        assertEquals(Math.sqrt(squares * 2 / 1) / (xa + xb), fit.se()[1], 1e-12);
        assertEquals(0, fit.se()[2], 0, "one tract's 2-person median alone gives no spread to measure");
        assertEquals(0, IncomeBySize.fit(java.util.List.of(tract())).se()[1], 0, "without B19019 there is no ratio and no error");
    }

    @Test
    void childcareCountsFamiliesWithChildren() {
        EligibleEstimator.TractEligible e = EligibleEstimator.estimate(tract(), FLAT_15K, true);

        Estimate share = new Estimate(0.2, Math.sqrt(20 * 20 - 0.04 * 40 * 40) / 300);
        Estimate below = new Estimate(200, Math.hypot(20, 30));
        assertEquals(0.2 * 200, e.total().value(), 1e-9);
        assertEquals(Math.sqrt(Math.pow(share.value() * below.moe90(), 2) + Math.pow(below.value() * share.moe90(), 2)),
                e.total().moe90(), 1e-9, "ACS product formula for share x households");
    }

    @Test
    void languageAndRaceSplitsFollowTheTractDistribution() {
        EligibleEstimator.TractEligible e = EligibleEstimator.estimate(tract(), FLAT_15K, false);

        assertEquals(100, e.byLanguage().get("english_only").value(), 1e-9);
        assertEquals(100, e.byLanguage().get("spanish").value(), 1e-9);
        assertEquals(0, e.byLanguage().get("other_languages").value(), 1e-9);
        assertEquals(200, e.byRace().get("hispanic").value(), 1e-9);
        EligibleEstimator.TractEligible half = e.scaled(0.5);
        assertEquals(100, half.total().value(), 1e-9);
        assertEquals(e.total().moe90() / 2, half.total().moe90(), 1e-9);
    }

    @Test
    void largeHouseholdsUseTheSevenPersonLimitAndMissingLimitsFallBack() {
        double[] limits = {0, 10, 20, 30, 40, 50, 60, 70, 80};
        assertEquals(70, EligibleEstimator.limitFor(limits, 7));
        double[] partial = {0, 10, 20, 0, 0, 0, 0, 0, 0};
        assertEquals(20, EligibleEstimator.limitFor(partial, 5));
    }
}
