package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a program reaches within one dimension (race/ethnicity, language, household size …):
 * each group's share of participants against its share of the population, its rate against a
 * reference group's, and one summary number for the dimension, the RACE COUNTS index of disparity.
 */
public final class Disparity {
    /** The name of the significance test behind {@link GroupResult#isSignificant()}. */
    public static final String TEST = "Katz log rate-ratio 95% CI";

    private Disparity() {}

    /** Whether a higher rate is the better outcome (reach) or the worse (eviction, denial). */
    public enum Better { HIGHER, LOWER }

    /** One group: participants counted by the program, population (eligible) estimated by the ACS. */
    public record Group(String name, long participants, Estimate population) {}

    /**
     * One group's figures. Shares are of the dimension's totals; {@code populationShareMoe90} follows
     * the ACS proportion formula. Rate = participants ÷ population. Rate ratio and its interval are
     * against the reference group; the interval is null for the reference itself and where a rate
     * or a count is 0, and such a group is never significant.
     */
    public record GroupResult(
            String name,
            long participants,
            double population,
            Double participantShare,
            Double populationShare,
            Double populationShareMoe90,
            Double representationIndex,
            Double rate,
            Double rateRatio,
            Double rateRatioLower95,
            Double rateRatioUpper95,
            boolean isSignificant) {}

    /** The dimension: per-group results in input order, the index of disparity and the test used. */
    public record DimensionResult(String referenceGroup, List<GroupResult> groups, Double indexOfDisparity, String test) {}

    public static DimensionResult analyse(List<Group> groups, String referenceGroup, Better better) {
        Group ref = groups.stream().filter(g -> g.name().equals(referenceGroup)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group named " + referenceGroup));
        long totalParticipants = groups.stream().mapToLong(Group::participants).sum();
        Estimate totalPopulation = AcsMath.sum(groups.stream().map(Group::population).toList());
        double[] rates = new double[groups.size()];
        List<GroupResult> results = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            rates[i] = rate(g);
            Double participantShare = totalParticipants == 0 ? null : (double) g.participants() / totalParticipants;
            Estimate popShare = totalPopulation.value() > 0 ? AcsMath.proportion(g.population(), totalPopulation) : null;
            Double representation = participantShare == null || popShare == null || popShare.value() == 0
                    ? null : participantShare / popShare.value();
            RateRatio rr = rateRatio(g, ref);
            results.add(new GroupResult(g.name(), g.participants(), g.population().value(),
                    participantShare, popShare == null ? null : popShare.value(),
                    popShare == null ? null : popShare.moe90(), representation,
                    Double.isNaN(rates[i]) ? null : rates[i],
                    rr.ratio, rr.lower, rr.upper, rr.isSignificant()));
        }
        return new DimensionResult(referenceGroup, List.copyOf(results), indexOfDisparity(rates, better), TEST);
    }

    /**
     * RACE COUNTS index of disparity (Catalyst California, RACE COUNTS methodology and its
     * RC_Functions {@code calc_best}/{@code calc_diff}/{@code calc_id}): the best group rate (the
     * highest, or the lowest when lower is better, ignoring rates of 0), each group's absolute
     * difference from it, and ID = (Σ|best − rate_g| ÷ best) ÷ (n − 1) × 100 over the n groups with a
     * rate, i.e. the mean relative gap of the other groups from the best. 0 when all groups are
     * equal. Null with fewer than two rates, without a non-zero rate, or (as RACE COUNTS does) with
     * two rates where lower is better and one of them is 0. NaN entries are groups without a rate.
     */
    public static Double indexOfDisparity(double[] rates, Better better) {
        int n = 0;
        double best = Double.NaN;
        for (double r : rates) {
            if (Double.isNaN(r)) {
                continue;
            }
            n++;
            if (r != 0 && (Double.isNaN(best) || (better == Better.HIGHER ? r > best : r < best))) {
                best = r;
            }
        }
        if (n < 2 || Double.isNaN(best)) {
            return null;
        }
        double sumDiff = 0;
        boolean hasZero = false;
        for (double r : rates) {
            if (!Double.isNaN(r)) {
                sumDiff += Math.abs(best - r);
                hasZero |= r == 0;
            }
        }
        if (n == 2 && better == Better.LOWER && hasZero) {
            return null;
        }
        return sumDiff / best / (n - 1) * 100;
    }

    private record RateRatio(Double ratio, Double lower, Double upper) {
        boolean isSignificant() {
            return lower != null && (lower > 1 || upper < 1);
        }
    }

    /**
     * Katz et al. (1978) log rate-ratio interval: SE(log RR) = sqrt(1/a − 1/n1 + 1/c − 1/n2) for a of
     * n1 in the group and c of n2 in the reference. When the populations are ACS estimates their own
     * sampling error is added by the delta method, (SE_n1/n1)² + (SE_n2/n2)²; a binomial term that
     * would be negative (more participants than the estimated population) counts as 0.
     */
    private static RateRatio rateRatio(Group g, Group ref) {
        double rate = rate(g);
        double refRate = rate(ref);
        if (Double.isNaN(rate) || Double.isNaN(refRate) || refRate == 0) {
            return new RateRatio(null, null, null);
        }
        double ratio = rate / refRate;
        if (g.participants() == 0 || g.name().equals(ref.name())) {
            return new RateRatio(ratio, null, null);
        }
        double variance = binomialTerm(g) + binomialTerm(ref)
                + AcsMath.sq(g.population().se() / g.population().value())
                + AcsMath.sq(ref.population().se() / ref.population().value());
        double half = AcsMath.Z95 * Math.sqrt(variance);
        double log = Math.log(ratio);
        return new RateRatio(ratio, Math.exp(log - half), Math.exp(log + half));
    }

    private static double binomialTerm(Group g) {
        return Math.max(0, 1.0 / g.participants() - 1.0 / g.population().value());
    }

    private static double rate(Group g) {
        return g.population().value() > 0 ? g.participants() / g.population().value() : Double.NaN;
    }
}
