package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The share of family households of each size that have children, which no ACS summary table
 * gives (B11016 has size, B11005 presence of children, neither both). Estimated by ecological
 * regression across the city's tracts (Goodman 1953): households with children in tract t,
 * K_t = Σ_s p_s · F_{t,s}, with F_{t,s} the tract's family households of size s; least squares for
 * p_2 … p_7 without intercept, each kept within [0, 1] (a share outside is fixed at the bound and the
 * rest refitted). It assumes the shares are the same across the city's tracts. Most two-person
 * families are couples without children, so weighting sizes by all families would count far too
 * many small households with children.
 */
public final class ChildrenBySize {
    private static final int SIZES = 6;

    private ChildrenBySize() {}

    /**
     * p[s] for s = 2..7 (index = size, 0 and 1 unused); all 1 (plain family weights) when the tracts
     * cannot identify the shares.
     */
    public static double[] shares(Collection<TractAcs> tracts) {
        List<double[]> x = new ArrayList<>();
        List<Double> k = new ArrayList<>();
        for (TractAcs t : tracts) {
            double[] row = new double[SIZES];
            for (int s = 2; s <= 7; s++) {
                row[s - 2] = t.count("B11016", s + 1).value();
            }
            x.add(row);
            k.add(t.count("B11005", 2).value());
        }
        double[] p = new double[SIZES];
        boolean[] fixed = new boolean[SIZES];
        for (int round = 0; round <= SIZES; round++) {
            double[] fit = fit(x, k, p, fixed);
            if (fit == null) {
                return uniform();
            }
            boolean clipped = false;
            for (int i = 0; i < SIZES; i++) {
                if (!fixed[i] && (fit[i] < 0 || fit[i] > 1)) {
                    p[i] = fit[i] < 0 ? 0 : 1;
                    fixed[i] = true;
                    clipped = true;
                } else if (!fixed[i]) {
                    p[i] = fit[i];
                }
            }
            if (!clipped) {
                break;
            }
        }
        double[] out = new double[8];
        for (int s = 2; s <= 7; s++) {
            out[s] = p[s - 2];
        }
        return out;
    }

    /** Every family counted whatever its size (no adjustment). */
    public static double[] uniformShares() {
        return uniform();
    }

    private static double[] uniform() {
        double[] out = new double[8];
        for (int s = 2; s <= 7; s++) {
            out[s] = 1;
        }
        return out;
    }

    /** Least squares for the free shares, the fixed ones held at their values; null when singular. */
    private static double[] fit(List<double[]> x, List<Double> k, double[] p, boolean[] fixed) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < SIZES; i++) {
            if (!fixed[i]) {
                free.add(i);
            }
        }
        int n = free.size();
        double[] out = p.clone();
        if (n == 0) {
            return out;
        }
        double[][] a = new double[n][n + 1];
        for (int r = 0; r < x.size(); r++) {
            double[] row = x.get(r);
            double target = k.get(r);
            for (int i = 0; i < SIZES; i++) {
                if (fixed[i]) {
                    target -= p[i] * row[i];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[free.get(i)] * row[free.get(j)];
                }
                a[i][n] += row[free.get(i)] * target;
            }
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][c]) < 1e-9) {
                return null;
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            out[free.get(i)] = a[i][n] / a[i][i];
        }
        return out;
    }
}
