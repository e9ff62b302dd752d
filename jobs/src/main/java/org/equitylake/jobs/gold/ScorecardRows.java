package org.equitylake.jobs.gold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.equitylake.indicators.AcsMath;
import org.equitylake.indicators.Estimate;
import org.equitylake.indicators.Reach;

/**
 * gold.scorecard: one row per program-year with the headline indicators and their change from
 * the previous year. A change is published only when both years' figures are.
 */
final class ScorecardRows {
    private ScorecardRows() {}

    /** The headline figures of one program-year, as published (null where suppressed). */
    record Headline(
            int year,
            int acsYear,
            Long served,
            Estimate eligible,
            Reach.Result reach,
            LeakageRows.Headline leakage,
            DistanceRows.Headline distance,
            Double raceIndex) {

        Double reachValue() {
            return served == null || reach == null ? null : reach.reach();
        }
    }

    static Headline headline(ProgramYear py, LeakageRows.Headline leakage, DistanceRows.Headline distance, Double raceIndex) {
        Long served = py.mask.published(ProgramYear.CITY);
        return new Headline(py.in.year(), py.in.acsYear(), served, py.cityEligible(), ReachRows.city(py), leakage, distance,
                raceIndex);
    }

    static List<Gold.RowValues> rows(String program, Map<Integer, Headline> byYear, LocalDate asOf) {
        List<Gold.RowValues> rows = new ArrayList<>();
        for (Headline h : byYear.values()) {
            Headline prev = byYear.get(h.year() - 1);
            boolean shown = h.served() != null;
            Double reach = h.reachValue();
            Double reachChange = prev == null || reach == null || prev.reachValue() == null ? null : reach - prev.reachValue();
            Boolean significant = null;
            if (reachChange != null && h.reach().se() != null && prev.reach().se() != null) {
                double se = Math.sqrt(h.reach().se() * h.reach().se() + prev.reach().se() * prev.reach().se());
                significant = se > 0 && Math.abs(reachChange) > AcsMath.Z95 * se;
            }
            rows.add(Gold.row().put("program", program).put("year", h.year()).put("acs_year", h.acsYear())
                    .put("as_of", asOf).put("is_partial_year", asOf.isBefore(LocalDate.of(h.year(), 12, 31)))
                    .put("served", h.served())
                    .put("eligible_estimate", h.eligible().value()).put("eligible_moe90", h.eligible().moe90())
                    .put("reach", reach)
                    .put("reach_lower95", shown ? h.reach().lower95() : null)
                    .put("reach_upper95", shown ? h.reach().upper95() : null)
                    .put("awards", h.leakage().awards())
                    .put("over_limit_share", h.leakage().share())
                    .put("over_limit_share_lower95", h.leakage().lower95())
                    .put("over_limit_share_upper95", h.leakage().upper95())
                    .put("share_within_1_mile", h.distance().participantsWithinMile())
                    .put("eligible_share_within_1_mile", h.distance().eligibleWithinMile())
                    .put("lambda_km", h.distance().lambdaKm())
                    .put("index_of_disparity_race", h.raceIndex())
                    .put("served_change", prev == null || h.served() == null || prev.served() == null ? null : h.served() - prev.served())
                    .put("reach_change", reachChange)
                    .put("is_reach_change_significant", significant)
                    .put("over_limit_share_change", difference(h.leakage().share(), prev == null ? null : prev.leakage().share()))
                    .put("share_within_1_mile_change", difference(h.distance().participantsWithinMile(),
                            prev == null ? null : prev.distance().participantsWithinMile()))
                    .put("is_suppressed", !shown));
        }
        return rows;
    }

    private static Double difference(Double now, Double before) {
        return now == null || before == null ? null : now - before;
    }
}
