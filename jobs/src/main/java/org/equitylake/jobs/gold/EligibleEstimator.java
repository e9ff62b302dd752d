package org.equitylake.jobs.gold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equitylake.indicators.AcsMath;
import org.equitylake.indicators.Estimate;

/**
 * Income-eligible households of a tract from its ACS tables (docs/GOLD.md, "Eligible households").
 *
 * <p>The program's limit depends on household size, but B19001 does not cross income with size.
 * So the tract's households are split by size with B11016, each size s is given the households
 * below its own limit L(s) from the B19001 brackets, and the results are weighted by the size
 * shares: E = c × Σ_s w_s × below(L(s) ÷ r_s), with c the share of households in the program's scope
 * (B11005 share with children for childcare, 1 otherwise) and w_s the share of in-scope households
 * of size s: of all households, or, for households with children, of family households (every
 * household with children is a family) weighted by the share of each size that has children
 * ({@link ChildrenBySize}). r_s is what households of size s earn against all households
 * ({@link IncomeBySize}, from B19019; 1 without it, which takes income as independent of size).
 *
 * <p>Margins: below(L) is {@link AcsMath#householdsBelow} (linear split of the bracket holding the
 * limit, its share treated as a constant). The below(L(s)) of different sizes come from the same
 * brackets, so they are not independent; the margin of their weighted sum is taken as the weighted
 * sum of their margins, the bound for perfectly correlated terms (Cauchy–Schwarz). The size
 * weights are treated as constants; c carries its own margin through the ACS product formula.
 */
public final class EligibleEstimator {
    private EligibleEstimator() {}

    /** One tract's eligible households and their split by the dimensions the ACS can give. */
    public record TractEligible(
            String geoid,
            Estimate total,
            Estimate under50,
            Map<String, Estimate> bySize,
            Map<String, Estimate> byLanguage,
            Map<String, Estimate> byRace) {

        /** Eligible households in the band 50-100 % of the limit: total − under 50 %. */
        public Estimate from50To100() {
            return new Estimate(Math.max(0, total.value() - under50.value()), AcsMath.moeOfSum(total.moe90(), under50.moe90()));
        }

        public Estimate band(String incomeBand) {
            return switch (incomeBand) {
                case Groups.UNDER_50 -> under50;
                case Groups.FROM_50_TO_100 -> from50To100();
                case Groups.ALL_ELIGIBLE -> total;
                default -> throw new IllegalArgumentException("no eligible estimate for band " + incomeBand);
            };
        }

        /** The same tract with every estimate and margin multiplied by a share (the in-city part). */
        public TractEligible scaled(double share) {
            return new TractEligible(geoid, EligibleEstimator.scale(total, share), EligibleEstimator.scale(under50, share),
                    scale(bySize, share), scale(byLanguage, share), scale(byRace, share));
        }

        private static Map<String, Estimate> scale(Map<String, Estimate> m, double share) {
            Map<String, Estimate> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, EligibleEstimator.scale(v, share)));
            return out;
        }
    }

    static Estimate scale(Estimate e, double share) {
        return new Estimate(e.value() * share, e.moe90() * share);
    }

    /**
     * @param limitBySize the program's limit for households of 1..8 people (index 0 unused)
     * @param withChildren true for programs open only to households with children (childcare)
     */
    public static TractEligible estimate(TractAcs acs, double[] limitBySize, boolean withChildren) {
        return estimate(acs, limitBySize, withChildren ? ChildrenBySize.uniformShares() : null);
    }

    /**
     * @param childrenBySize for programs open only to households with children, the share of family
     *     households of each size that have children ({@link ChildrenBySize}); null for the others
     */
    public static TractEligible estimate(TractAcs acs, double[] limitBySize, double[] childrenBySize) {
        return estimate(acs, limitBySize, childrenBySize, IncomeBySize.uniform());
    }

    /**
     * @param incomeRatioBySize what households of each size earn against all households
     *     ({@link IncomeBySize}); a size's limit is compared with the tract's incomes scaled by it
     */
    public static TractEligible estimate(TractAcs acs, double[] limitBySize, double[] childrenBySize, double[] incomeRatioBySize) {
        boolean withChildren = childrenBySize != null;
        List<AcsMath.Bracket> brackets = acs.incomeBrackets();
        double[] w = sizeWeights(acs, withChildren, childrenBySize);
        Estimate[] below = new Estimate[8];
        Estimate[] below50 = new Estimate[8];
        for (int s = 1; s <= 7; s++) {
            if (w[s] > 0) {
                double limit = limitFor(limitBySize, s) / incomeRatioBySize[s];
                below[s] = below(brackets, limit);
                below50[s] = below(brackets, limit / 2);
            }
        }
        Estimate scope = withChildren ? acs.shareWithChildren() : Estimate.exact(1);
        Estimate total = AcsMath.product(scope, weighted(w, below, 1, 7));
        Estimate under50 = AcsMath.product(scope, weighted(w, below50, 1, 7));
        Map<String, Estimate> bySize = new LinkedHashMap<>();
        bySize.put("1-2", AcsMath.product(scope, weighted(w, below, 1, 2)));
        bySize.put("3-4", AcsMath.product(scope, weighted(w, below, 3, 4)));
        bySize.put("5+", AcsMath.product(scope, weighted(w, below, 5, 7)));
        return new TractEligible(acs.geoid(), total, under50, bySize,
                split(total, acs.householdsByLanguage(), acs.count("C16002", 1), Groups.LANGUAGE_GROUPS),
                split(total, acs.householdsByRace(), acs.count("B11001", 1), Groups.RACE_GROUPS));
    }

    /**
     * Households below the limit; a limit in the open top bracket with no Pareto tail to fit (no
     * households above $150,000) counts every household.
     */
    static Estimate below(List<AcsMath.Bracket> brackets, double limit) {
        try {
            return AcsMath.householdsBelow(brackets, limit, AcsMath.Interpolation.LINEAR);
        } catch (IllegalArgumentException e) {
            return AcsMath.sum(brackets.stream().map(AcsMath.Bracket::households).toList());
        }
    }

    /** The limit for s people; "7 or more" (B11016's last size) uses the 7-person limit. */
    static double limitFor(double[] limitBySize, int size) {
        int s = Math.min(size, limitBySize.length - 1);
        while (s > 1 && !(limitBySize[s] > 0)) {
            s--;
        }
        if (!(limitBySize[s] > 0)) {
            throw new IllegalArgumentException("no income limit for household size " + size);
        }
        return limitBySize[s];
    }

    /**
     * Shares of households by size 1..7 (index 0 unused): of all households, or, for households with
     * children, of family households each weighted by the share of its size that has children. A
     * tract whose size table is empty falls back to all households, then to 3 people.
     */
    static double[] sizeWeights(TractAcs acs, boolean familiesOnly, double[] childrenBySize) {
        Estimate[] bySize = acs.householdsBySize(familiesOnly);
        double total = 0;
        for (int s = 1; s <= 7; s++) {
            double withChildren = familiesOnly && childrenBySize != null ? childrenBySize[s] : 1;
            bySize[s] = new Estimate(bySize[s].value() * withChildren, bySize[s].moe90());
            total += bySize[s].value();
        }
        if (total <= 0 && familiesOnly) {
            return sizeWeights(acs, false, null);
        }
        double[] w = new double[8];
        if (total <= 0) {
            w[3] = 1;
            return w;
        }
        for (int s = 1; s <= 7; s++) {
            w[s] = bySize[s].value() / total;
        }
        return w;
    }

    private static Estimate weighted(double[] w, Estimate[] below, int from, int to) {
        double value = 0;
        double moe = 0;
        for (int s = from; s <= to; s++) {
            if (w[s] > 0) {
                value += w[s] * below[s].value();
                moe += w[s] * below[s].moe90();
            }
        }
        return new Estimate(value, moe);
    }

    /**
     * Eligible households split in proportion to a tract distribution (race, language): eligibility
     * is assumed independent of the group within the tract. Each part is eligible × the group's
     * ACS proportion, with the product formula for its margin.
     */
    static Map<String, Estimate> split(Estimate eligible, Estimate[] groups, Estimate groupTotal, List<String> names) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Estimate share = groupTotal.value() > 0 ? AcsMath.proportion(groups[i], groupTotal) : Estimate.exact(0);
            out.put(names.get(i), AcsMath.product(eligible, share));
        }
        return out;
    }
}
