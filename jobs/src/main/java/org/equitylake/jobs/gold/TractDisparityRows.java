package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.List;
import org.equitylake.indicators.SpatialDisparity;

/**
 * gold.tract_disparity: {@link SpatialDisparity} (the Urban Institute Spatial Equity Data Tool's
 * tract share of participants minus tract share of the baseline, the baseline being the in-city
 * eligible estimate). A suppressed tract publishes neither its share, its disparity nor whether it
 * is significant; shares need the city total published.
 */
final class TractDisparityRows {
    private TractDisparityRows() {}

    static List<Gold.RowValues> rows(ProgramYear py) {
        List<String> ids = new ArrayList<>(py.in.tracts().keySet());
        List<SpatialDisparity.Tract> input = new ArrayList<>();
        for (String t : ids) {
            input.add(new SpatialDisparity.Tract(t, py.mask.value(ProgramYear.tractKey(t)), py.eligible.get(t).total()));
        }
        List<Gold.RowValues> rows = new ArrayList<>();
        if (py.cityEligible().value() <= 0) {
            return rows;
        }
        List<SpatialDisparity.TractResult> results = SpatialDisparity.analyse(input);
        boolean cityShown = py.mask.published(ProgramYear.CITY) != null;
        for (int i = 0; i < ids.size(); i++) {
            String t = ids.get(i);
            SpatialDisparity.TractResult r = results.get(i);
            Long participants = py.mask.published(ProgramYear.tractKey(t));
            boolean shown = participants != null && cityShown && r.participantShare() != null;
            rows.add(Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("acs_year", py.in.acsYear())
                    .put("tract_geoid", t).put("council_district", py.in.tracts().get(t).district())
                    .put("participants", participants)
                    .put("participant_share", shown ? r.participantShare() : null)
                    .put("baseline_estimate", py.eligible.get(t).total().value())
                    .put("baseline_share", r.baselineShare()).put("baseline_share_se", r.baselineShareSe())
                    .put("baseline_lower95", r.baselineLower95()).put("baseline_upper95", r.baselineUpper95())
                    .put("disparity", shown ? r.disparity() : null)
                    .put("is_significant", shown ? r.isSignificant() : null)
                    .put("direction", shown && r.isSignificant() ? (r.disparity() > 0 ? "over" : "under") : null)
                    .put("is_suppressed", participants == null));
        }
        return rows;
    }
}
