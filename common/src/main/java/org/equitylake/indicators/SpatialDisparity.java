package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.List;

/**
 * Geographic disparity per tract, after the Urban Institute's Spatial Equity Data Tool (SEDT
 * documentation, ch. "Statistical Significance Calculations"): the tract's share of the program's
 * participants minus the tract's share of the baseline population (e.g. eligible households).
 * Positive: the tract is over-represented among participants; negative: under-represented.
 *
 * <p>The participant share is a count from the program's own records and is taken as fixed; the
 * baseline share is an ACS estimate. Its 90 % MOE comes from the ACS proportion formula over the
 * tract estimate and the city total (whose MOE is the ACS sum formula over all tracts); that MOE
 * is converted to a standard error (SE = MOE / 1.645) before the 95 % interval ± 1.96·SE is built.
 * A tract is significant when its participant share lies outside that interval, which is the same
 * as the disparity's own 95 % interval excluding 0. The two scales must not be mixed: the 90 % MOE
 * used as the half-width of a "95 %" interval makes it too narrow by 1.645/1.96 (false alarms),
 * and the MOE used as if it were a standard error makes it 1.645 times too wide (missed
 * disparities). The SEDT documentation states the same conversion (SE = MOE / 1.645).
 */
public final class SpatialDisparity {
    private SpatialDisparity() {}

    /** One tract: participants living there and its baseline population estimate. */
    public record Tract(String id, long participants, Estimate baseline) {}

    /**
     * One tract's result. {@code participantShare} and {@code disparity} are null when the program
     * has no participants at all; such tracts are never significant.
     */
    public record TractResult(
            String id,
            Double participantShare,
            double baselineShare,
            double baselineShareSe,
            double baselineLower95,
            double baselineUpper95,
            Double disparity,
            boolean isSignificant) {}

    public static List<TractResult> analyse(List<Tract> tracts) {
        long totalParticipants = tracts.stream().mapToLong(Tract::participants).sum();
        Estimate totalBaseline = AcsMath.sum(tracts.stream().map(Tract::baseline).toList());
        if (totalBaseline.value() <= 0) {
            throw new IllegalArgumentException("baseline population sums to " + totalBaseline.value());
        }
        List<TractResult> results = new ArrayList<>(tracts.size());
        for (Tract t : tracts) {
            Estimate share = AcsMath.proportion(t.baseline(), totalBaseline);
            double se = share.se();
            double lower = share.value() - AcsMath.Z95 * se;
            double upper = share.value() + AcsMath.Z95 * se;
            Double participantShare = totalParticipants == 0 ? null : (double) t.participants() / totalParticipants;
            Double disparity = participantShare == null ? null : participantShare - share.value();
            boolean significant = participantShare != null && (participantShare < lower || participantShare > upper);
            results.add(new TractResult(t.id(), participantShare, share.value(), se, lower, upper, disparity, significant));
        }
        return List.copyOf(results);
    }
}
