package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.List;
import org.equitylake.indicators.Estimate;
import org.equitylake.indicators.Reach;

/**
 * gold.reach: served ÷ eligible for every tract, district and the city. The interval is
 * {@link Reach}'s: the ACS handbook's ratio formula (MOE of x/y = sqrt(MOE_x² + R²·MOE_y²) / y)
 * with the served count's own error taken as Poisson (SE = sqrt(served)), i.e. the delta method.
 * The ratio form, not the proportion form, because served households need not be a subset of the
 * households the survey estimated as eligible.
 */
final class ReachRows {
    private ReachRows() {}

    static List<Gold.RowValues> rows(ProgramYear py) {
        List<Gold.RowValues> rows = new ArrayList<>();
        rows.add(row(py, "city", ProgramYear.CITY, null, ProgramYear.CITY, py.cityEligible(), null));
        for (String d : py.districts()) {
            rows.add(row(py, "district", d, ProgramYear.CITY, ProgramYear.districtKey(d), py.eligibleOf(py.tractsOf(d)), null));
        }
        for (String t : py.in.tracts().keySet()) {
            rows.add(row(py, "tract", t, py.in.tracts().get(t).district(), ProgramYear.tractKey(t),
                    py.eligible.get(t).total(), py.inCityShare.get(t)));
        }
        return rows;
    }

    static Gold.RowValues row(ProgramYear py, String level, String id, String parent, String key, Estimate eligible,
                              Double inCityShare) {
        Long served = py.mask.published(key);
        Reach.Result r = Reach.of(py.mask.value(key), eligible);
        boolean show = served != null;
        return Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("acs_year", py.in.acsYear())
                .put("geography_level", level).put("geography_id", id).put("parent_id", parent)
                .put("served", served)
                .put("eligible_estimate", eligible.value()).put("eligible_moe90", eligible.moe90())
                .put("in_city_share", inCityShare)
                .put("reach", show ? r.reach() : null).put("reach_se", show ? r.se() : null)
                .put("reach_lower95", show ? r.lower95() : null).put("reach_upper95", show ? r.upper95() : null)
                .put("is_eligible_near_zero", r.isEligibleNearZero())
                .put("is_above_one", show && r.isAboveOne())
                .put("is_suppressed", !show);
    }

    /** The city's reach, for the scorecard and the summary. */
    static Reach.Result city(ProgramYear py) {
        return Reach.of(py.mask.value(ProgramYear.CITY), py.cityEligible());
    }
}
