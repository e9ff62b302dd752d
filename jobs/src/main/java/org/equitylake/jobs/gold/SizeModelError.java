package org.equitylake.jobs.gold;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.equitylake.indicators.Estimate;

/** The error the eligible estimates of household-size groups owe to the fitted size model (p_s, r_s). */
final class SizeModelError {
    private SizeModelError() {}

    /**
     * Per household-size group, the standard error its city estimate owes to the city-wide size
     * model, which the tracts' sampling margins do not hold: p_s and r_s are fitted once for every
     * tract, so their error does not average out over tracts. Delta method, gᵀΣg: g is the change of a group's estimate per unit
     * of each parameter (central differences one standard error wide, narrower near a bound), Σ the
     * parameters' covariance (p_s's from {@link ChildrenBySize}; the r_s taken as independent).
     * {@code estimate} gives the in-city eligible estimates per tract for given p_s (null for a
     * program serving all households) and r_s.
     */
    static Map<String, Double> standardErrors(ChildrenBySize.Fit childrenBySize, IncomeBySize.Fit incomeRatioBySize,
                                              BiFunction<double[], double[], Map<String, EligibleEstimator.TractEligible>> estimate) {
        double[][] covariance = new double[16][16];
        if (childrenBySize != null) {
            for (int a = 0; a < 8; a++) {
                System.arraycopy(childrenBySize.covariance()[a], 0, covariance[a], 0, 8);
            }
        }
        for (int s = 1; s <= 7; s++) {
            covariance[8 + s][8 + s] = incomeRatioBySize.se()[s] * incomeRatioBySize.se()[s];
        }
        Map<String, double[]> gradient = new LinkedHashMap<>();
        Groups.SIZE_GROUPS.forEach(g -> gradient.put(g, new double[16]));
        for (int i = 0; i < 16; i++) {
            double step = covariance[i][i] > 0 ? Math.min(Math.sqrt(covariance[i][i]), roomToMove(childrenBySize, incomeRatioBySize, i)) : 0;
            if (step > 0) {
                Map<String, Double> up = sizeTotals(nudged(childrenBySize, incomeRatioBySize, estimate, i, step));
                Map<String, Double> down = sizeTotals(nudged(childrenBySize, incomeRatioBySize, estimate, i, -step));
                for (String g : Groups.SIZE_GROUPS) {
                    gradient.get(g)[i] = (up.get(g) - down.get(g)) / (2 * step);
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        gradient.forEach((g, d) -> {
            double variance = 0;
            for (int a = 0; a < 16; a++) {
                for (int b = 0; b < 16; b++) {
                    variance += d[a] * covariance[a][b] * d[b];
                }
            }
            out.put(g, Math.sqrt(Math.max(0, variance)));
        });
        return out;
    }

    /** How far parameter i may move either way and stay meaningful: a share within [0, 1], a ratio above 0. */
    private static double roomToMove(ChildrenBySize.Fit childrenBySize, IncomeBySize.Fit incomeRatioBySize, int i) {
        if (i < 8) {
            double p = childrenBySize.shares()[i];
            return Math.min(p, 1 - p);
        }
        return incomeRatioBySize.ratios()[i - 8] / 2;
    }

    /** The in-city eligible estimates with parameter i (p_s at s, r_s at 8 + s) moved by delta. */
    private static Map<String, EligibleEstimator.TractEligible> nudged(ChildrenBySize.Fit childrenBySize, IncomeBySize.Fit incomeRatioBySize,
            BiFunction<double[], double[], Map<String, EligibleEstimator.TractEligible>> estimate, int i, double delta) {
        double[] childrenShares = childrenBySize == null ? null : childrenBySize.shares();
        double[] incomeRatios = incomeRatioBySize.ratios().clone();
        if (i < 8) {
            childrenShares = childrenShares.clone();
            childrenShares[i] += delta;
        } else {
            incomeRatios[i - 8] += delta;
        }
        return estimate.apply(childrenShares, incomeRatios);
    }

    private static Map<String, Double> sizeTotals(Map<String, EligibleEstimator.TractEligible> byTract) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String g : Groups.SIZE_GROUPS) {
            out.put(g, byTract.values().stream().mapToDouble(e -> e.bySize().getOrDefault(g, Estimate.exact(0)).value()).sum());
        }
        return out;
    }
}
