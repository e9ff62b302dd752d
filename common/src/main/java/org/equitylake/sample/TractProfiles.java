package org.equitylake.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a tract's households are like: a median income level that varies smoothly across the city
 * (with tract noise), a race and ethnicity mix tied to it, and whether its families are mostly
 * unaware of the programs (the planted low take-up tracts).
 */
final class TractProfiles {
    final double[] logMedianIncome;
    /** Standardised log median income: the z in the income-context effect. */
    final double[] incomeZ;
    /** Rank of the median income among tracts, 0 (lowest) to 1 (highest). */
    final double[] incomePercentile;
    final double[][] raceWeights;
    final boolean[] lowAwareness;
    final double[] awareness;

    private TractProfiles(int n) {
        logMedianIncome = new double[n];
        incomeZ = new double[n];
        incomePercentile = new double[n];
        raceWeights = new double[n][];
        lowAwareness = new boolean[n];
        awareness = new double[n];
    }

    static TractProfiles build(long seed, List<Tract> tracts, SampleCityParameters p) {
        int n = tracts.size();
        TractProfiles t = new TractProfiles(n);
        SplittableRandom r = Rand.rng(seed, Rand.PROFILES);
        double a = r.nextDouble() * 2 * Math.PI;
        double b = r.nextDouble() * 2 * Math.PI;
        double c = r.nextDouble() * 2 * Math.PI;
        double mean = 0;
        for (Tract tr : tracts) {
            double x = tr.centreX();
            double y = tr.centreY();
            double downtown = StrictMath.exp(-(x * x + y * y) / (2 * 2200.0 * 2200.0));
            t.logMedianIncome[tr.index()] = StrictMath.log(100_000) + 0.30 * StrictMath.sin(x / 3500 + a)
                    + 0.25 * StrictMath.cos(y / 2800 + b) - 0.30 * downtown + 0.18 * Rand.gaussian(r);
            mean += t.logMedianIncome[tr.index()] / n;
        }
        double var = 0;
        for (double v : t.logMedianIncome) {
            var += (v - mean) * (v - mean) / n;
        }
        double sd = Math.sqrt(var);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
            t.incomeZ[i] = (t.logMedianIncome[i] - mean) / sd;
        }
        order.sort(Comparator.comparingDouble((Integer i) -> t.logMedianIncome[i]).thenComparingInt(i -> i));
        for (int rank = 0; rank < n; rank++) {
            t.incomePercentile[order.get(rank)] = n == 1 ? 0.5 : rank / (double) (n - 1);
        }
        for (Tract tr : tracts) {
            int i = tr.index();
            double z = t.incomeZ[i];
            t.raceWeights[i] = new double[] {
                0.32 * StrictMath.exp(-0.9 * z),
                0.26 * StrictMath.exp(0.6 * z + 0.2 * StrictMath.sin(tr.centreY() / 4000)),
                0.30 * StrictMath.exp(0.35 * StrictMath.sin(tr.centreX() / 3000 + c)),
                0.035 * StrictMath.exp(-0.3 * z),
                0.07};
        }
        // Low awareness is planted where it can be seen: among tracts mostly inside the city.
        List<Integer> candidates = new ArrayList<>();
        for (Tract tr : tracts) {
            if (tr.cityShare() >= 0.5) {
                candidates.add(tr.index());
            }
        }
        for (int i = candidates.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer tmp = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, tmp);
        }
        int low = (int) Math.round(p.lowAwarenessTractShare() * candidates.size());
        for (int i = 0; i < n; i++) {
            t.awareness[i] = 1.0;
        }
        for (int k = 0; k < low; k++) {
            t.lowAwareness[candidates.get(k)] = true;
            t.awareness[candidates.get(k)] = p.lowAwarenessFactor();
        }
        return t;
    }
}
