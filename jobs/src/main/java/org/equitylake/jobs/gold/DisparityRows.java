package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.equitylake.indicators.Disparity;
import org.equitylake.indicators.Estimate;

/**
 * gold.disparities and gold.disparity_index. The statistics are {@link Disparity}'s; what is
 * added here is what may be published once counts are suppressed:
 * <ul>
 *   <li>a suppressed group publishes no participants, share, rate or rate ratio;
 *   <li>rate ratios need the reference group's count (otherwise ratio × rates give it back);
 *   <li>participant shares are of the participants who reported the dimension only when both the
 *       city total and the not_reported count are published, else of all participants (a share
 *       over an unpublished total would give that total back); with the city total suppressed,
 *       no shares;
 *   <li>the index of disparity is computed over the groups whose counts are published.
 * </ul>
 */
final class DisparityRows {
    static final List<String> DIMENSIONS = List.of(Groups.HOUSEHOLD_INCOME_BAND, Groups.TRACT_INCOME_BAND,
            Groups.HOUSEHOLD_SIZE, Groups.LANGUAGE, Groups.RACE_ETHNICITY, Groups.DISTANCE_BAND,
            Groups.COUNCIL_DISTRICT, Groups.EQUITY_TIER);
    static final String METHOD = "RACE COUNTS index of disparity: mean |best rate - rate| / best rate x 100 over the other groups";

    private DisparityRows() {}

    record Result(List<Gold.RowValues> disparities, List<Gold.RowValues> index, Double raceIndex) {}

    static Result rows(ProgramYear py) {
        List<Gold.RowValues> rows = new ArrayList<>();
        List<Gold.RowValues> index = new ArrayList<>();
        Double raceIndex = null;
        for (String dim : DIMENSIONS) {
            Double id = dimension(py, dim, rows, index);
            if (dim.equals(Groups.RACE_ETHNICITY)) {
                raceIndex = id;
            }
        }
        return new Result(rows, index, raceIndex);
    }

    private static Double dimension(ProgramYear py, String dim, List<Gold.RowValues> rows, List<Gold.RowValues> index) {
        List<String> groups = py.groups(dim);
        List<String> analysed = groups.stream().filter(g -> !g.equals(Groups.NOT_REPORTED)).toList();
        List<Disparity.Group> input = new ArrayList<>();
        for (String g : analysed) {
            input.add(new Disparity.Group(g, py.mask.value(ProgramYear.groupKey(dim, g)), py.eligibleOf(dim, g)));
        }
        String reference = dim.equals(Groups.COUNCIL_DISTRICT)
                ? input.stream().max(Comparator.comparingDouble((Disparity.Group g) -> g.population().value())
                        .thenComparing(Disparity.Group::name, Comparator.reverseOrder())).orElseThrow().name()
                : Groups.reference(dim);
        Disparity.DimensionResult result = Disparity.analyse(input, reference, Disparity.Better.HIGHER);
        Estimate totalEligible = org.equitylake.indicators.AcsMath.sum(input.stream().map(Disparity.Group::population).toList());

        Long city = py.mask.published(ProgramYear.CITY);
        String notReportedKey = ProgramYear.groupKey(dim, Groups.NOT_REPORTED);
        Long notReported = py.mask.has(notReportedKey) ? py.mask.published(notReportedKey) : Long.valueOf(0);
        String basis = city == null ? null : notReported != null ? "reported" : "all";
        Long shareTotal = city == null ? null : notReported != null ? city - notReported : city;
        boolean referencePublished = py.mask.published(ProgramYear.groupKey(dim, reference)) != null;

        List<Double> indexRates = new ArrayList<>();
        String best = null;
        double bestRate = -1;
        for (int order = 0; order < groups.size(); order++) {
            String g = groups.get(order);
            Long participants = py.mask.published(ProgramYear.groupKey(dim, g));
            Disparity.GroupResult r = g.equals(Groups.NOT_REPORTED) ? null : result.groups().get(analysed.indexOf(g));
            Estimate eligible = py.eligibleOf(dim, g);
            boolean shown = participants != null;
            Double share = shown && shareTotal != null && shareTotal > 0
                    && !(g.equals(Groups.NOT_REPORTED) && "reported".equals(basis))
                    ? (double) participants / shareTotal : null;
            Double eligibleShare = r == null ? null : r.populationShare();
            Double representation = share != null && eligibleShare != null && eligibleShare > 0 ? share / eligibleShare : null;
            boolean ratioShown = shown && referencePublished && r != null && r.rateRatio() != null;
            rows.add(Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("acs_year", py.in.acsYear())
                    .put("dimension", dim).put("group_name", g).put("group_order", order + 1)
                    .put("is_reference", g.equals(reference))
                    .put("participants", participants).put("participant_share", share)
                    .put("share_basis", share == null ? null : basis)
                    .put("eligible_estimate", eligible == null ? null : eligible.value())
                    .put("eligible_moe90", eligible == null ? null : eligible.moe90())
                    .put("eligible_share", eligibleShare)
                    .put("eligible_share_moe90", r == null ? null : r.populationShareMoe90())
                    .put("representation_index", representation)
                    .put("rate", shown && r != null ? r.rate() : null)
                    .put("rate_ratio", ratioShown ? r.rateRatio() : null)
                    .put("rr_lower95", ratioShown ? r.rateRatioLower95() : null)
                    .put("rr_upper95", ratioShown ? r.rateRatioUpper95() : null)
                    .put("reference_group", reference)
                    .put("is_significant", ratioShown && r.isSignificant())
                    .put("test_name", Disparity.TEST)
                    .put("is_suppressed", !shown));
            if (shown && r != null && r.rate() != null) {
                indexRates.add(r.rate());
                if (r.rate() > bestRate) {
                    bestRate = r.rate();
                    best = g;
                }
            }
        }
        Double id = Disparity.indexOfDisparity(indexRates.stream().mapToDouble(Double::doubleValue).toArray(), Disparity.Better.HIGHER);
        int withPopulation = (int) input.stream().filter(g -> g.population().value() > 0).count();
        index.add(Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("dimension", dim)
                .put("index_of_disparity", id).put("best_group", id == null ? null : best)
                .put("groups_in_index", indexRates.size()).put("groups_total", withPopulation).put("method", METHOD));
        return id;
    }
}
