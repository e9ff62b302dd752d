package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where new sites would reach the most unserved need: the maximal covering location problem
 * (Church &amp; ReVelle 1974) solved greedily. Each step picks the candidate that covers the most
 * not-yet-covered demand weight; the greedy answer covers at least (1 − 1/e) ≈ 63 % of the best
 * possible coverage (Nemhauser, Wolsey &amp; Fisher 1978). Ties go to the smallest candidate id, and
 * weights are summed in demand-unit id order, so the result does not depend on input order.
 */
public final class MaximalCoverage {
    private MaximalCoverage() {}

    /** A candidate site and the demand units (tract ids) within its service radius. */
    public record Candidate(String id, Set<String> covers) {}

    /**
     * One pick: its step (1-based), the weight it newly covers, the weight covered so far and that
     * as a share of all demand, and the units with demand it newly covers.
     */
    public record Pick(
            int step,
            String candidateId,
            double marginalCoverage,
            double cumulativeCoverage,
            double cumulativeShare,
            List<String> newlyCovered) {}

    /**
     * Up to k picks. Stops early when no remaining candidate adds positive weight: a site that
     * covers nothing new is not worth recommending, so fewer than k picks can come back.
     *
     * @param demand unserved eligible households per demand unit; units not in the map weigh 0
     */
    public static List<Pick> greedy(List<Candidate> candidates, Map<String, Double> demand, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        Set<String> ids = new HashSet<>();
        for (Candidate c : candidates) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate candidate id " + c.id());
            }
        }
        double total = 0;
        for (String unit : new TreeSet<>(demand.keySet())) {
            double w = demand.get(unit);
            if (!(w >= 0)) {
                throw new IllegalArgumentException("demand of " + unit + " must be >= 0, was " + w);
            }
            total += w;
        }
        List<Candidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparing(Candidate::id));
        Set<String> covered = new HashSet<>();
        List<Pick> picks = new ArrayList<>();
        double cumulative = 0;
        for (int step = 1; step <= k && !remaining.isEmpty(); step++) {
            Candidate best = null;
            double bestGain = 0;
            for (Candidate c : remaining) {
                double gain = gain(c, covered, demand);
                if (gain > bestGain) {
                    best = c;
                    bestGain = gain;
                }
            }
            if (best == null) {
                break;
            }
            List<String> fresh = new ArrayList<>(new TreeSet<>(best.covers()));
            fresh.removeIf(u -> covered.contains(u) || demand.getOrDefault(u, 0.0) <= 0);
            covered.addAll(best.covers());
            remaining.remove(best);
            cumulative += bestGain;
            picks.add(new Pick(step, best.id(), bestGain, cumulative,
                    cumulative / total, List.copyOf(fresh)));
        }
        return List.copyOf(picks);
    }

    private static double gain(Candidate c, Set<String> covered, Map<String, Double> demand) {
        double gain = 0;
        for (String unit : new TreeSet<>(c.covers())) {
            if (!covered.contains(unit)) {
                gain += demand.getOrDefault(unit, 0.0);
            }
        }
        return gain;
    }
}
