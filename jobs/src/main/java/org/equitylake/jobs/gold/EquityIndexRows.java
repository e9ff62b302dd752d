package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.equitylake.indicators.EquityIndex;
import org.equitylake.indicators.Estimate;

/**
 * gold.tract_equity_index for one ACS release: the model city's adopted index ({@link EquityIndex#scores},
 * after the City of San José's Equity Index: race score and income score 1-5 by population quintiles,
 * summed 2-10), an SVI-style percentile rank over % BIPOC, median income (reversed) and % limited
 * English households ({@link EquityIndex#svi}), the equity tier and the tract income band.
 */
final class EquityIndexRows {
    private EquityIndexRows() {}

    record Result(List<Gold.RowValues> rows, Map<String, String> tier, Map<String, String> band) {}

    static Result rows(int year, Map<String, CityGeography.TractInfo> tracts, Map<String, TractAcs> acs) {
        List<String> ids = new ArrayList<>(tracts.keySet());
        List<EquityIndex.Tract> input = new ArrayList<>();
        double[] bipoc = new double[ids.size()];
        double[] income = new double[ids.size()];
        double[] limited = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            TractAcs a = acs.get(ids.get(i));
            Estimate households = a == null ? Estimate.exact(0) : a.count("B11001", 1);
            bipoc[i] = households.value() > 0 ? 1 - a.count("B11001", 3).value() / households.value() : Double.NaN;
            Double median = a == null ? null : a.medianIncome();
            income[i] = median == null ? Double.NaN : median;
            Estimate languageTotal = a == null ? Estimate.exact(0) : a.count("C16002", 1);
            limited[i] = languageTotal.value() > 0 ? a.limitedEnglish().value() / languageTotal.value() : Double.NaN;
            input.add(new EquityIndex.Tract(ids.get(i), households.value(), bipoc[i], income[i]));
        }
        List<EquityIndex.Score> scores = EquityIndex.scores(input);
        List<EquityIndex.SviRank> svi = EquityIndex.svi(ids, List.of(
                new EquityIndex.Variable("pct_bipoc", bipoc, true),
                new EquityIndex.Variable("median_household_income", income, false),
                new EquityIndex.Variable("pct_limited_english", limited, true)));
        Map<String, String> band = incomeBands(ids, income);
        Map<String, String> tier = new LinkedHashMap<>();
        List<Gold.RowValues> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            TractAcs a = acs.get(id);
            EquityIndex.Score s = scores.get(i);
            EquityIndex.SviRank r = svi.get(i);
            tier.put(id, Groups.equityTier(s.combined()));
            Estimate households = a == null ? null : a.count("B11001", 1);
            rows.add(Gold.row().put("year", year).put("tract_geoid", id).put("council_district", tracts.get(id).district())
                    .put("households", households == null ? null : households.value())
                    .put("households_moe90", households == null ? null : households.moe90())
                    .put("pct_bipoc", nan(bipoc[i])).put("median_household_income", nan(income[i]))
                    .put("median_income_moe90", a == null ? null : a.medianIncomeMoe())
                    .put("pct_limited_english", nan(limited[i]))
                    .put("race_score", s.raceScore()).put("income_score", s.incomeScore()).put("combined_score", s.combined())
                    .put("equity_tier", tier.get(id)).put("tract_income_band", band.get(id))
                    .put("svi_rank_bipoc", nan(r.variableRanks()[0])).put("svi_rank_income", nan(r.variableRanks()[1]))
                    .put("svi_rank_limited_english", nan(r.variableRanks()[2]))
                    .put("svi_sum_of_ranks", nan(r.sumOfRanks())).put("svi_overall_rank", nan(r.overallRank())));
        }
        return new Result(rows, tier, band);
    }

    /**
     * Terciles of tract median income among the tracts with one: tracts sorted by median (then
     * GEOID), the tract of rank r (0-based) of n in band floor(3r / n). Unweighted, so each band
     * holds a third of the tracts; without a median, unknown.
     */
    static Map<String, String> incomeBands(List<String> ids, double[] income) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!Double.isNaN(income[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> income[i]).thenComparing(ids::get));
        Map<String, String> band = new TreeMap<>();
        ids.forEach(id -> band.put(id, Groups.UNKNOWN));
        for (int r = 0; r < order.size(); r++) {
            band.put(ids.get(order.get(r)), Groups.TRACT_BANDS.get(3 * r / order.size()));
        }
        return band;
    }

    private static Double nan(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
