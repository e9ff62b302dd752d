package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The effects planted in the childcare records can be read back from the truth, as the gold
 * indicators must read them from the pipeline's output: by awareness, distance, household size,
 * tract income, and in the awards to households over the limit.
 */
class PlantedEffectsTest {
    /** One in-city household-year with children: eligible or not, applied or not, and what explains it. */
    private record HouseholdYear(boolean eligible, boolean applied, boolean lowAwareness, double distanceKm, int size, double incomeZ) {}

    private static final List<HouseholdYear> rows = new ArrayList<>();
    private static final List<Map<String, String>> awarded = new ArrayList<>();
    private static final Map<String, Map<String, String>> tracts = new HashMap<>();

    @BeforeAll
    static void load() {
        SampleCities.City city = SampleCities.defaultCity();
        TestCsv.rows(city.truth().resolve("tracts.csv")).forEach(t -> tracts.put(t.get("tract_geoid"), t));
        List<Map<String, String>> sites = TestCsv.rows(city.landing().resolve("reference/program_sites.csv"));
        Set<String> applied = new HashSet<>();
        for (Map<String, String> r : new Truth(city.truth()).records) {
            if (r.get("program").equals("childcare")) {
                applied.add(r.get("household_id") + "|" + r.get("year"));
                if (r.get("is_awarded").equals("true")) {
                    awarded.add(r);
                }
            }
        }
        for (Map<String, String> h : TestCsv.rows(city.truth().resolve("households.csv"))) {
            if (h.get("is_in_city").equals("false") || h.get("children").equals("0")) {
                continue;
            }
            Set<String> eligibleYears = Set.of(h.get("childcare_eligible_years").split(";"));
            Map<String, String> tract = tracts.get(h.get("tract_geoid"));
            double x = LocalFrame.x(Double.parseDouble(h.get("longitude")));
            double y = LocalFrame.y(Double.parseDouble(h.get("latitude")));
            for (int year = 2016; year <= 2025; year++) {
                double best = Double.MAX_VALUE;
                for (Map<String, String> s : sites) {
                    int opened = Integer.parseInt(s.get("opened_year"));
                    boolean open = opened <= year && (s.get("closed_year").isEmpty() || year < Integer.parseInt(s.get("closed_year")));
                    if (open && s.get("programs").contains("childcare")) {
                        best = Math.min(best, Math.hypot(LocalFrame.x(Double.parseDouble(s.get("longitude"))) - x,
                                LocalFrame.y(Double.parseDouble(s.get("latitude"))) - y) / 1000);
                    }
                }
                rows.add(new HouseholdYear(eligibleYears.contains(Integer.toString(year)), applied.contains(h.get("household_id") + "|" + year),
                        tract.get("is_low_awareness").equals("true"), best, Integer.parseInt(h.get("size")),
                        Double.parseDouble(tract.get("income_z"))));
            }
        }
    }

    private static double rate(java.util.function.Predicate<HouseholdYear> which) {
        long n = rows.stream().filter(r -> r.eligible() && which.test(r)).count();
        long a = rows.stream().filter(r -> r.eligible() && r.applied() && which.test(r)).count();
        assertTrue(n > 200, "too few eligible household-years to compare: " + n);
        return a / (double) n;
    }

    @Test
    void lowAwarenessTractsTakeUpLess() {
        double low = rate(HouseholdYear::lowAwareness);
        double rest = rate(r -> !r.lowAwareness());
        assertTrue(low < 0.5 * rest, "low-awareness take-up " + low + " vs " + rest);
    }

    @Test
    void takeUpFallsWithDistanceToTheNearestOpenSite() {
        double near = rate(r -> !r.lowAwareness() && r.distanceKm() < 0.8);
        double far = rate(r -> !r.lowAwareness() && r.distanceKm() > 2.0);
        assertTrue(far < 0.7 * near, "take-up near " + near + " vs far " + far);
    }

    @Test
    void smallerHouseholdsAreFavoured() {
        double small = rate(r -> !r.lowAwareness() && r.size() <= 3);
        double large = rate(r -> !r.lowAwareness() && r.size() >= 5);
        assertTrue(large < small, "take-up of small households " + small + " vs large " + large);
    }

    @Test
    void lowerIncomeFamiliesInHigherIncomeTractsEnrolMore() {
        double rich = rate(r -> !r.lowAwareness() && r.incomeZ() > 0.5);
        double poor = rate(r -> !r.lowAwareness() && r.incomeZ() < -0.5);
        assertTrue(rich > poor, "eligible take-up in higher-income tracts " + rich + " vs lower-income " + poor);
    }

    @Test
    void awardsOverTheLimitAreMoreCommonInHigherIncomeTracts() {
        long highAwards = 0;
        long highOver = 0;
        long lowAwards = 0;
        long lowOver = 0;
        for (Map<String, String> r : awarded) {
            boolean high = Double.parseDouble(tracts.get(r.get("tract_geoid")).get("income_percentile")) >= 0.5;
            boolean over = r.get("is_over_limit_award").equals("true");
            if (high) {
                highAwards++;
                highOver += over ? 1 : 0;
            } else {
                lowAwards++;
                lowOver += over ? 1 : 0;
            }
        }
        double all = (highOver + lowOver) / (double) (highAwards + lowAwards);
        assertTrue(all > 0.03 && all < 0.4, "share of awards over the limit: " + all);
        assertTrue(highOver / (double) highAwards > lowOver / (double) lowAwards,
                "over-limit share in higher-income tracts " + highOver / (double) highAwards + " vs " + lowOver / (double) lowAwards);
    }
}
