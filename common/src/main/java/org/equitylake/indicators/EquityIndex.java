package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Tract need scores. Two methods:
 *
 * <ul>
 *   <li>The City of San José's Equity Index (its "Equity Index Census Tracts" layer): a race score
 *       1–5 from % BIPOC and an income score 1–5 from median household income, each score band
 *       covering about 20 % of the city's population (population-weighted quintiles; more BIPOC →
 *       higher need, lower income → higher need), combined as their sum, 2–10.
 *   <li>A CDC/ATSDR Social Vulnerability Index style rank: each variable's percentile rank, their
 *       sum, and the percentile rank of that sum.
 * </ul>
 */
public final class EquityIndex {
    private EquityIndex() {}

    /** One tract's inputs; NaN for a value the ACS suppressed. */
    public record Tract(String id, double population, double pctBipoc, double medianIncome) {}

    /** Scores of one tract; null where the tract has no population or the input is missing. */
    public record Score(String id, Integer raceScore, Integer incomeScore, Integer combined) {}

    /**
     * San José-style scores. Tracts are ordered from least to most need and a tract's score is the
     * quintile of the city population in which its population's midpoint falls:
     * score = 1 + floor(5 × (population before it + half its own) ÷ total), at most 5.
     * Ties: tracts with equal values are one block, scored at the block's midpoint, so equal
     * values always get equal scores. Tracts with no population or a missing value are scored null
     * and left out of the totals.
     */
    public static List<Score> scores(List<Tract> tracts) {
        double[] pop = tracts.stream().mapToDouble(Tract::population).toArray();
        Integer[] race = weightedQuintiles(tracts.stream().mapToDouble(Tract::pctBipoc).toArray(), pop);
        Integer[] income = weightedQuintiles(tracts.stream().mapToDouble(t -> -t.medianIncome()).toArray(), pop);
        List<Score> scores = new ArrayList<>(tracts.size());
        for (int i = 0; i < tracts.size(); i++) {
            Integer combined = race[i] == null || income[i] == null ? null : race[i] + income[i];
            scores.add(new Score(tracts.get(i).id(), race[i], income[i], combined));
        }
        return List.copyOf(scores);
    }

    /** Population-weighted quintile 1–5 of each value, higher value → higher score; see {@link #scores}. */
    static Integer[] weightedQuintiles(double[] need, double[] weight) {
        Integer[] score = new Integer[need.length];
        List<Integer> order = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < need.length; i++) {
            if (weight[i] > 0 && Double.isFinite(need[i])) {
                order.add(i);
                total += weight[i];
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> need[i]).thenComparing(i -> i));
        double before = 0;
        int start = 0;
        while (start < order.size()) {
            int end = start;
            double block = 0;
            while (end < order.size() && need[order.get(end)] == need[order.get(start)]) {
                block += weight[order.get(end)];
                end++;
            }
            int s = Math.min(5, 1 + (int) Math.floor(5 * (before + block / 2) / total));
            for (int j = start; j < end; j++) {
                score[order.get(j)] = s;
            }
            before += block;
            start = end;
        }
        return score;
    }

    /**
     * CDC/ATSDR SVI percentile rank: (rank − 1) ÷ (n − 1), rank 1 for the smallest value, every run of
     * ties given the smallest of its ranks (Excel's PERCENTRANK.INC, which the SVI documentation
     * names). NaN values are not ranked (NaN out); with a single value its rank is 0.
     */
    public static double[] percentileRanks(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = sorted.length;
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                ranks[i] = Double.NaN;
            } else {
                int below = lowerBound(sorted, values[i]);
                ranks[i] = n <= 1 ? 0 : (double) below / (n - 1);
            }
        }
        return ranks;
    }

    /** One SVI variable over all tracts; income-like variables are less vulnerable when higher. */
    public record Variable(String name, double[] values, boolean higherIsMoreVulnerable) {}

    /** One tract's SVI-style result: per-variable ranks in input order, their sum, the overall rank. */
    public record SviRank(String id, double[] variableRanks, double sumOfRanks, double overallRank) {}

    /**
     * SVI-style index: each variable's percentile rank (ranked on −x when higher is less vulnerable,
     * as the SVI does for per-capita income), the sum of those ranks, and the percentile rank of the
     * sum. A tract missing a variable (NaN) is left out of that variable's ranking, and its sum and
     * overall rank are NaN. Sums are rounded to 10 decimals before ranking so that floating-point
     * noise cannot break a tie.
     */
    public static List<SviRank> svi(List<String> tractIds, List<Variable> variables) {
        int n = tractIds.size();
        double[][] ranks = new double[variables.size()][];
        for (int v = 0; v < variables.size(); v++) {
            Variable var = variables.get(v);
            if (var.values().length != n) {
                throw new IllegalArgumentException(var.name() + " has " + var.values().length + " values for " + n + " tracts");
            }
            double[] oriented = Arrays.stream(var.values()).map(x -> var.higherIsMoreVulnerable() ? x : -x).toArray();
            ranks[v] = percentileRanks(oriented);
        }
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            for (double[] r : ranks) {
                sums[i] += r[i];
            }
            if (!Double.isNaN(sums[i])) {
                sums[i] = Math.round(sums[i] * 1e10) / 1e10;
            }
        }
        double[] overall = percentileRanks(sums);
        List<SviRank> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] mine = new double[variables.size()];
            for (int v = 0; v < variables.size(); v++) {
                mine[v] = ranks[v][i];
            }
            out.add(new SviRank(tractIds.get(i), mine, sums[i], overall[i]));
        }
        return List.copyOf(out);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
