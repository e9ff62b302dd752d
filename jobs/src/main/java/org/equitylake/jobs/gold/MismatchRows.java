package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.List;
import org.equitylake.indicators.AcsMath;
import org.equitylake.indicators.Estimate;
import org.equitylake.indicators.Reach;

/**
 * gold.neighbourhood_mismatch: enrolment rate by household income band × tract income band, each
 * rate with {@link Reach}'s interval, and its ratio to the rate of the same household band in the
 * low-income tracts.
 */
final class MismatchRows {
    static final List<String> HOUSEHOLD_BANDS = List.of(Groups.UNDER_50, Groups.FROM_50_TO_100, Groups.ALL_ELIGIBLE);

    private MismatchRows() {}

    static String key(String householdBand, String tractBand) {
        return householdBand.equals(Groups.ALL_ELIGIBLE)
                ? ProgramYear.groupKey(Groups.TRACT_INCOME_BAND, tractBand) : ProgramYear.mismatchKey(householdBand, tractBand);
    }

    static Estimate eligible(ProgramYear py, String householdBand, String tractBand) {
        return AcsMath.sum(py.tractsIn(Groups.TRACT_INCOME_BAND, tractBand).stream()
                .map(t -> py.eligible.get(t).band(householdBand)).toList());
    }

    static List<Gold.RowValues> rows(ProgramYear py) {
        List<Gold.RowValues> rows = new ArrayList<>();
        for (String hb : HOUSEHOLD_BANDS) {
            Estimate lowEligible = eligible(py, hb, "low");
            Long lowCount = py.mask.published(key(hb, "low"));
            Reach.Result low = lowCount == null ? null : Reach.of(lowCount, lowEligible);
            for (String tb : py.tractBands()) {
                Estimate e = eligible(py, hb, tb);
                Long p = py.mask.published(key(hb, tb));
                Reach.Result r = p == null ? null : Reach.of(p, e);
                Double ratio = r != null && low != null && r.reach() != null && low.reach() != null && low.reach() > 0
                        ? r.reach() / low.reach() : null;
                rows.add(Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("acs_year", py.in.acsYear())
                        .put("household_income_band", hb).put("tract_income_band", tb)
                        .put("participants", p).put("eligible_estimate", e.value()).put("eligible_moe90", e.moe90())
                        .put("enrolment_rate", r == null ? null : r.reach())
                        .put("rate_lower95", r == null ? null : r.lower95())
                        .put("rate_upper95", r == null ? null : r.upper95())
                        .put("rate_ratio_vs_low", ratio)
                        .put("is_suppressed", p == null));
            }
        }
        return rows;
    }
}
