package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.equitylake.indicators.CountTable;
import org.equitylake.indicators.Estimate;
import org.equitylake.indicators.Suppression;
import org.junit.jupiter.api.Test;

/** The gold rows of one synthetic program-year: arithmetic, suppression and what a reader can recover. */
class ProgramYearTest {
    private final ProgramYear py = SyntheticCity.programYear(SyntheticCity.cells(), 10);

    private static Gold.RowValues find(List<Gold.RowValues> rows, Predicate<Gold.RowValues> p) {
        return rows.stream().filter(p).findFirst().orElseThrow();
    }

    private static boolean is(Gold.RowValues r, String column, Object value) {
        return value.equals(r.get(column));
    }

    @Test
    void reachIsServedOverEligibleAtEveryLevel() {
        List<Gold.RowValues> rows = ReachRows.rows(py);

        Gold.RowValues city = find(rows, r -> is(r, "geography_level", "city"));
        assertEquals(148L, city.get("served"));
        assertEquals(1200.0, (double) city.get("eligible_estimate"), 1e-9);
        assertEquals(148 / 1200.0, (double) city.get("reach"), 1e-12);
        assertTrue((double) city.get("reach_lower95") < 148 / 1200.0 && (double) city.get("reach_upper95") > 148 / 1200.0);
        Gold.RowValues t5 = find(rows, r -> is(r, "geography_id", SyntheticCity.TRACTS.get(4)));
        assertEquals(50L, t5.get("served"));
        assertEquals("2", t5.get("parent_id"));
        assertEquals(50 / 200.0, (double) t5.get("reach"), 1e-12);
        Gold.RowValues t1 = find(rows, r -> is(r, "geography_id", SyntheticCity.TRACTS.get(0)));
        assertNull(t1.get("served"), "40 = district 1 (43) - 3: the complement of the small tract");
        Gold.RowValues t2 = find(rows, r -> is(r, "geography_id", SyntheticCity.TRACTS.get(1)));
        assertNull(t2.get("served"), "3 households are suppressed");
        assertNull(t2.get("reach"));
        assertEquals(true, t2.get("is_suppressed"));
        Gold.RowValues t3 = find(rows, r -> is(r, "geography_id", SyntheticCity.TRACTS.get(2)));
        assertEquals(0L, t3.get("served"), "zero is published");
        assertEquals(0.0, t3.get("reach"));
    }

    @Test
    void noSuppressedCountCanBeRecoveredFromTheJointTable() {
        CountTable table = py.mask.table();
        boolean[] mask = py.mask.mask();
        assertEquals(List.of(), Suppression.recoverable(table, mask));
        for (int i = 0; i < table.size(); i++) {
            long v = table.value(i);
            if (v >= 1 && v <= 10) {
                assertTrue(mask[i], table.label(i) + " = " + v + " must be suppressed");
            }
        }
        assertTrue(py.mask.isSuppressed(ProgramYear.tractKey(SyntheticCity.TRACTS.get(1))));
    }

    @Test
    void theReachHierarchyAsPublishedGivesNothingAway() {
        // A reader's view: the tract, district and city rows of gold.reach and the sums between them.
        List<Gold.RowValues> rows = ReachRows.rows(py);
        List<String> tracts = SyntheticCity.TRACTS;
        long[] leaves = new long[tracts.size()];
        int[] parent = new int[tracts.size()];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = SyntheticCity.SERVED[i];
            parent[i] = i < 3 ? 0 : 1;
        }
        CountTable table = CountTable.hierarchy(leaves, parent, 2);
        boolean[] mask = new boolean[table.size()];
        for (int i = 0; i < tracts.size(); i++) {
            String id = tracts.get(i);
            mask[i] = (boolean) find(rows, r -> is(r, "geography_id", id)).get("is_suppressed");
        }
        mask[tracts.size()] = (boolean) find(rows, r -> is(r, "geography_id", "1")).get("is_suppressed");
        mask[tracts.size() + 1] = (boolean) find(rows, r -> is(r, "geography_id", "2")).get("is_suppressed");
        mask[tracts.size() + 2] = (boolean) find(rows, r -> is(r, "geography_level", "city")).get("is_suppressed");

        assertEquals(List.of(), Suppression.recoverable(table, mask));
    }

    @Test
    void everyPublishedRowFollowsTheSuppressionRules() {
        List<List<Gold.RowValues>> tables = new ArrayList<>();
        tables.add(ReachRows.rows(py));
        tables.add(DisparityRows.rows(py).disparities());
        tables.add(TractDisparityRows.rows(py));
        tables.add(DistanceRows.rows(py).equity());
        tables.add(LeakageRows.rows(py).rows());
        tables.add(MismatchRows.rows(py));
        tables.add(UnmetNeedRows.rows(py));
        List<String> counts = List.of("served", "participants", "awards", "awards_eligible", "awards_over_limit",
                "awards_unknown_eligibility");
        for (List<Gold.RowValues> rows : tables) {
            for (Gold.RowValues r : rows) {
                for (String c : counts) {
                    Object v = r.get(c);
                    if (v != null) {
                        long n = (Long) v;
                        assertTrue(n == 0 || n > 10, c + " = " + n + " is published");
                    }
                }
                if (Boolean.TRUE.equals(r.get("is_suppressed"))) {
                    for (String derived : List.of("reach", "participant_share", "rate", "rate_ratio", "disparity",
                            "unmet_estimate", "enrolment_rate", "mean_distance_m", "share_within_1_mile")) {
                        if (!(derived.equals("mean_distance_m") || derived.equals("share_within_1_mile"))
                                || "participants".equals(r.get("population")) || "eligible_non_participants".equals(r.get("population"))) {
                            assertNull(r.get(derived), derived + " of a suppressed row");
                        }
                    }
                }
            }
        }
    }

    @Test
    void disparityGroupsAddUpAndRatesCompareWithTheReference() {
        DisparityRows.Result result = DisparityRows.rows(py);
        List<Gold.RowValues> size = result.disparities().stream().filter(r -> is(r, "dimension", Groups.HOUSEHOLD_SIZE)).toList();
        assertEquals(List.of("1-2", "3-4", "5+", Groups.NOT_REPORTED), size.stream().map(r -> r.get("group_name")).toList());
        Gold.RowValues reference = find(size, r -> is(r, "group_name", "1-2"));
        assertEquals(true, reference.get("is_reference"));
        assertEquals(1.0, (double) reference.get("rate_ratio"), 1e-12);
        assertEquals("Katz log rate-ratio 95% CI", reference.get("test_name"));
        long sum = size.stream().mapToLong(r -> r.get("participants") == null ? 0 : (Long) r.get("participants")).sum();
        assertEquals(148, sum, "households are spread evenly over the three size groups; none unreported");
        // Eligible by size: all households here are 1-2 people, so larger groups have no eligible estimate.
        assertEquals(1200.0, (double) reference.get("eligible_estimate"), 1e-9);

        Gold.RowValues low = find(result.disparities(), r -> is(r, "dimension", Groups.TRACT_INCOME_BAND) && is(r, "group_name", "low"));
        Gold.RowValues high = find(result.disparities(), r -> is(r, "dimension", Groups.TRACT_INCOME_BAND) && is(r, "group_name", "high"));
        assertEquals(80L, high.get("participants"));
        if (low.get("participants") != null) {
            assertTrue(py.mask.isSuppressed(ProgramYear.tractKey(SyntheticCity.TRACTS.get(0))),
                    "the low band (40 + 3) and its first tract cannot both be published");
        }
        Gold.RowValues index = find(result.index(), r -> is(r, "dimension", Groups.TRACT_INCOME_BAND));
        assertNotNull(index.get("groups_in_index"));
    }

    @Test
    void sizeGroupsCarryTheErrorOfTheFittedSharesWithChildren() {
        double[] p = {0, 0, 0.3, 0.7, 0.8, 0.9, 0.9, 0.9};
        double sd = 0.05;
        double[][] covariance = new double[8][8];
        covariance[2][2] = sd * sd;
        Estimate known = smallHouseholds(ChildrenBySize.Fit.exact(p));
        Estimate fitted = smallHouseholds(new ChildrenBySize.Fit(p, covariance));
        double[] up = p.clone();
        up[2] += 0.001;
        double[] down = p.clone();
        down[2] -= 0.001;
        double slope = (smallHouseholds(ChildrenBySize.Fit.exact(up)).value() - smallHouseholds(ChildrenBySize.Fit.exact(down)).value()) / 0.002;

        assertEquals(known.value(), fitted.value(), 1e-9, "the error widens the margin, not the estimate");
        double addedSe = Math.sqrt(fitted.se() * fitted.se() - known.se() * known.se());
        assertTrue(slope > 0, "more two-person families with children, more in the 1-2 group");
        assertEquals(slope * sd, addedSe, slope * sd * 0.02, "delta method: slope × standard error of p_2");
    }

    /** The 1-2 people group of a program for households with children, in tracts of 2- and 4-person families. */
    private static Estimate smallHouseholds(ChildrenBySize.Fit childrenBySize) {
        Map<String, TractAcs> acs = SyntheticCity.acs();
        acs.values().forEach(t -> t.put("B11016", 2, 300.0, 40.0).put("B11016", 5, 150.0, 30.0));
        return SyntheticCity.programYear(SyntheticCity.cells(), 1, childrenBySize, acs).eligibleOf(Groups.HOUSEHOLD_SIZE, "1-2");
    }

    @Test
    void leakageCountsAwardsOverTheLimitByTractBand() {
        LeakageRows.Result leakage = LeakageRows.rows(py);
        Gold.RowValues all = find(leakage.rows(), r -> is(r, "tract_income_band", ProgramYear.ALL));
        assertEquals(148L + 15 + 12, all.get("awards"), "awards with known eligibility placed in the city");
        assertEquals(27L, all.get("awards_over_limit"));
        assertEquals(27.0 / 175, (double) all.get("over_limit_share"), 1e-12);
        double[] wilson = LeakageRows.wilson(27, 175);
        assertEquals(wilson[1], (double) all.get("over_limit_share_lower95"), 1e-12);
        Gold.RowValues high = find(leakage.rows(), r -> is(r, "tract_income_band", "high"));
        assertEquals(12L, high.get("awards_over_limit"));
        assertEquals(92L, high.get("awards"));
    }

    @Test
    void awardsJudgedByAStraddlingBracketWidenTheLeakageInterval() {
        // In the first tract, 12 eligible and all 15 over-limit awards had only a bracket across the limit.
        ProgramYear bracketed = SyntheticCity.programYear(markUndecided(12, 15), 10);

        Gold.RowValues all = find(LeakageRows.rows(bracketed).rows(), r -> is(r, "tract_income_band", ProgramYear.ALL));

        assertEquals(27.0 / 175, (double) all.get("over_limit_share"), 1e-12, "the point estimate takes the midpoints");
        assertEquals(LeakageRows.wilson(27 - 15, 175)[1], (double) all.get("over_limit_share_lower95"), 1e-12);
        assertEquals(LeakageRows.wilson(27 + 12, 175)[2], (double) all.get("over_limit_share_upper95"), 1e-12);
        Gold.RowValues reported = find(LeakageRows.rows(py).rows(), r -> is(r, "tract_income_band", ProgramYear.ALL));
        assertEquals(LeakageRows.wilson(27, 175)[2], (double) reported.get("over_limit_share_upper95"), 1e-12,
                "reported incomes leave the interval to sampling");
    }

    @Test
    void aSmallStraddlingCountWidensItsSideToTheWholeSide() {
        // 5 of the first band's 15 over-limit awards straddle: exact bounds would give the 5 away.
        ProgramYear bracketed = SyntheticCity.programYear(markUndecided(0, 5), 10);
        List<Gold.RowValues> rows = LeakageRows.rows(bracketed).rows();
        String firstBand = bracketed.bandOf(SyntheticCity.TRACTS.get(0));
        Gold.RowValues band = find(rows, r -> is(r, "tract_income_band", firstBand));
        long awards = (long) band.get("awards");
        long over = (long) band.get("awards_over_limit");
        Gold.RowValues all = find(rows, r -> is(r, "tract_income_band", ProgramYear.ALL));

        assertEquals(LeakageRows.wilson(0, awards)[1], (double) band.get("over_limit_share_lower95"), 1e-12,
                "every over-limit award may have been eligible");
        assertEquals(LeakageRows.wilson(over, awards)[2], (double) band.get("over_limit_share_upper95"), 1e-12,
                "no eligible award straddled");
        assertEquals(LeakageRows.wilson(27 - over, 175)[1], (double) all.get("over_limit_share_lower95"), 1e-12,
                "all bands sum what the bands use");
        assertEquals(LeakageRows.wilson(27, 175)[2], (double) all.get("over_limit_share_upper95"), 1e-12);
    }

    /** The synthetic city's cells with that many eligible and over-limit awards of the first tract judged from a straddling bracket. */
    private static List<ParticipantCube.Cell> markUndecided(int eligible, int overLimit) {
        int[] left = {eligible, overLimit};
        List<ParticipantCube.Cell> cells = new ArrayList<>();
        for (ParticipantCube.Cell c : SyntheticCity.cells()) {
            int side = c.eligibility().equals(ParticipantCube.ELIGIBLE) ? 0 : c.eligibility().equals(ParticipantCube.OVER_LIMIT) ? 1 : -1;
            boolean mark = side >= 0 && SyntheticCity.TRACTS.get(0).equals(c.tract()) && left[side] > 0;
            if (mark) {
                left[side]--;
            }
            cells.add(mark ? undecided(c) : c);
        }
        return cells;
    }

    private static ParticipantCube.Cell undecided(ParticipantCube.Cell c) {
        return new ParticipantCube.Cell(c.year(), c.tract(), c.isInCity(), c.eligibility(), c.incomeBand(), c.sizeGroup(),
                c.languageGroup(), c.raceGroup(), c.distanceBand(), c.decayBin(), c.households(), c.households(), c.dollars(),
                c.distanceSumM(), c.withDistance(), c.withinMile());
    }

    @Test
    void wilsonIntervalMatchesAKnownValue() {
        // 10 of 100: Wilson 95 % interval 0.0552-0.1744 (Newcombe 1998, method 3).
        double[] w = LeakageRows.wilson(10, 100);
        assertEquals(0.1, w[0], 1e-12);
        assertEquals(0.0552, w[1], 5e-5);
        assertEquals(0.1744, w[2], 5e-5);
    }

    @Test
    void unmetNeedRanksAndSitingCoverage() {
        List<Gold.RowValues> rows = UnmetNeedRows.rows(py);
        Gold.RowValues empty = find(rows, r -> is(r, "tract_geoid", SyntheticCity.TRACTS.get(2)));
        assertEquals(200.0, (double) empty.get("unmet_estimate"), 1e-9);
        assertEquals(1, empty.get("unmet_rank"), "no one served: the most unmet need");
        assertEquals(1, find(rows, r -> is(r, "tract_geoid", SyntheticCity.TRACTS.get(2))).get("reach_rank"));
        Gold.RowValues small = find(rows, r -> is(r, "tract_geoid", SyntheticCity.TRACTS.get(1)));
        assertNull(small.get("unmet_estimate"), "would give back the suppressed count");
        assertEquals(2, small.get("unmet_rank"), "ranks cover every tract");

        List<Gold.RowValues> picks = UnmetNeedRows.siting(py);
        assertFalse(picks.isEmpty());
        double covered = 0;
        for (Gold.RowValues p : picks) {
            covered += (double) p.get("newly_covered_estimate");
            assertEquals(covered, (double) p.get("cumulative_covered_estimate"), 1e-9);
        }
        assertTrue((double) picks.get(picks.size() - 1).get("cumulative_share") <= 1);
    }

    @Test
    void mismatchRatesAndDistanceEquityUseTheSameCounts() {
        List<Gold.RowValues> mismatch = MismatchRows.rows(py);
        Gold.RowValues highAll = find(mismatch, r -> is(r, "household_income_band", Groups.ALL_ELIGIBLE) && is(r, "tract_income_band", "high"));
        assertEquals(80L, highAll.get("participants"));
        assertEquals(80 / 400.0, (double) highAll.get("enrolment_rate"), 1e-12);

        DistanceRows.Result distance = DistanceRows.rows(py);
        Gold.RowValues participants = find(distance.equity(), r -> is(r, "household_income_band", Groups.ALL_ELIGIBLE)
                && is(r, "population", "participants"));
        assertEquals(148.0, (double) participants.get("households"), 1e-9);
        // Participants in tracts 1-2 live 300 and 800 m away, the rest farther than a mile.
        assertEquals(43.0 / 148, (double) participants.get("share_within_1_mile"), 1e-12);
    }
}
