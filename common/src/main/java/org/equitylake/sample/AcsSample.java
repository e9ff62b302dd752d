package org.equitylake.sample;

import java.util.Arrays;
import java.util.List;

/** One year's survey sample: weighted totals and their variance per tract and table line, and income for the median. */
final class AcsSample {
    private static final int BUCKET = 2_500;
    private static final int BUCKETS = AcsTables.MEDIAN_TOP_CODE / BUCKET + 1;

    private final double[][][] estimate;
    private final double[][][] variance;
    /**
     * Weighted households per $2,500 income interval, the last one open-ended, as the Census Bureau
     * interpolates medians: per tract, for all households (index 0) and each size 1..7+.
     */
    private final double[][][] incomeBuckets;
    private final int[][] sampled;

    private AcsSample(int tracts) {
        int tables = AcsTables.COUNT_TABLES;
        estimate = new double[tracts][tables][];
        variance = new double[tracts][tables][];
        for (int t = 0; t < tracts; t++) {
            for (int k = 0; k < tables; k++) {
                estimate[t][k] = new double[AcsTables.TABLES.get(k).lines().size()];
                variance[t][k] = new double[AcsTables.TABLES.get(k).lines().size()];
            }
        }
        incomeBuckets = new double[tracts][8][BUCKETS];
        sampled = new int[tracts][8];
    }

    static AcsSample draw(Population pop, int tracts, int year, long seed, double rate) {
        AcsSample s = new AcsSample(tracts);
        for (int h = 0; h < pop.size; h++) {
            // Inclusion probability varies by household (0.8 to 1.25 times the rate), like differential response.
            double pi = Math.min(1.0, rate * (0.8 + 0.45 * Rand.unit(seed, Rand.ACS, -1, h)));
            if (Rand.unit(seed, Rand.ACS, year, h) >= pi) {
                continue;
            }
            int tract = pop.tract(h);
            long income = pop.income(h, year);
            double weight = 1 / pi;
            // Horvitz-Thompson variance estimate for a count under Poisson sampling: sum of (1 - pi) / pi^2.
            double v = (1 - pi) / (pi * pi);
            int[][] lines = AcsTables.lines(pop.members[h], pop.children[h], pop.family[h], pop.race(h), pop.language(h),
                    pop.limitedEnglish[h], income);
            for (int k = 0; k < lines.length; k++) {
                for (int line : lines[k]) {
                    s.estimate[tract][k][line] += weight;
                    s.variance[tract][k][line] += v;
                }
            }
            int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, income) / BUCKET);
            for (int group : new int[] {0, Math.min(7, pop.members[h])}) {
                s.incomeBuckets[tract][group][bucket] += weight;
                s.sampled[tract][group]++;
            }
        }
        return s;
    }

    double estimate(int tract, int table, int line) {
        return estimate[tract][table][line];
    }

    double variance(int tract, int table, int line) {
        return variance[tract][table][line];
    }

    /**
     * Median and its margin: linear interpolation within $2,500 intervals, and the margin from the
     * standard error of a 50 % proportion, carried through the distribution (ACS Design and
     * Methodology, ch. 12). "-" and "**" without a sample; "250,000+" and "***" when top-coded.
     *
     * @param size 0 for all households, else the household size 1..7 (7 or more)
     */
    List<String> median(int tract, int size, double rate) {
        int n = sampled[tract][size];
        if (n == 0) {
            return List.of("-", "**");
        }
        double[] b = incomeBuckets[tract][size];
        double total = Arrays.stream(b).sum();
        double se = Math.sqrt((1 - rate) * 0.25 / n);
        double median = percentile(b, total, 0.5);
        if (median >= AcsTables.MEDIAN_TOP_CODE) {
            return List.of("250,000+", "***");
        }
        if (median < BUCKET) {
            return List.of("2,500-", "***");
        }
        double low = percentile(b, total, Math.max(0, 0.5 - AcsTables.Z90 * se));
        double high = Math.min(AcsTables.MEDIAN_TOP_CODE, percentile(b, total, Math.min(1, 0.5 + AcsTables.Z90 * se)));
        return List.of(Long.toString(Math.round(median)), Long.toString(Math.round((high - low) / 2)));
    }

    private static double percentile(double[] buckets, double total, double q) {
        double target = q * total;
        double cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] > 0 && cumulative + buckets[i] >= target) {
                if (i == buckets.length - 1) {
                    return AcsTables.MEDIAN_TOP_CODE;
                }
                return i * (double) BUCKET + (target - cumulative) / buckets[i] * BUCKET;
            }
            cumulative += buckets[i];
        }
        return AcsTables.MEDIAN_TOP_CODE;
    }
}
