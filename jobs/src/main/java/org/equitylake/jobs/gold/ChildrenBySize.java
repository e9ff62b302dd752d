package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The share of family households of each size that have children, which no ACS summary table
 * gives (B11016 has size, B11005 presence of children, neither both). Estimated by ecological
 * regression across the city's tracts (Goodman 1953): households with children in tract t,
 * K_t = Σ_s p_s · F_{t,s}, with F_{t,s} the tract's family households of size s; least squares for
 * p_2 … p_7 without intercept, each kept within [0, 1] (a share outside is fixed at the bound and the
 * rest refitted), with the shares' covariance clustered by tract. It assumes the shares are the
 * same across the city's tracts. Most two-person families are couples without children, so
 * weighting sizes by all families would count far too many small households with children.
 */
public final class ChildrenBySize {
    private static final int SIZES = 6;

    private ChildrenBySize() {}

    /**
     * The fitted shares p[s] for s = 2..7 (index = size, 0 and 1 unused) and their covariance
     * (indexed the same way); a share held at a bound has no variance.
     */
    public record Fit(double[] shares, double[][] covariance) {
        /** Shares taken as known. */
        public static Fit exact(double[] shares) {
            return new Fit(shares, new double[8][8]);
        }
    }

    /** p[s] for s = 2..7 (index = size, 0 and 1 unused); see {@link #fit}. */
    public static double[] shares(Collection<TractAcs> tracts) {
        return fit(tracts).shares();
    }

    /** The shares and their covariance; all shares 1 (plain family weights), exact, when the tracts cannot identify them. */
    public static Fit fit(Collection<TractAcs> tracts) {
        List<double[]> x = new ArrayList<>();
        List<Double> k = new ArrayList<>();
        List<String> tract = new ArrayList<>();
        for (TractAcs t : tracts) {
            tract.add(t.geoid());
            double[] row = new double[SIZES];
            for (int s = 2; s <= 7; s++) {
                row[s - 2] = t.count("B11016", s + 1).value();
            }
            x.add(row);
            k.add(t.count("B11005", 2).value());
        }
        double[] p = new double[SIZES];
        boolean[] fixed = new boolean[SIZES];
        double[][] inverse = null;
        for (int round = 0; round <= SIZES; round++) {
            LeastSquares fit = fit(x, k, p, fixed);
            if (fit == null) {
                return Fit.exact(uniform());
            }
            inverse = fit.inverse();
            boolean clipped = false;
            for (int i = 0; i < SIZES; i++) {
                if (!fixed[i] && (fit.shares()[i] < 0 || fit.shares()[i] > 1)) {
                    p[i] = fit.shares()[i] < 0 ? 0 : 1;
                    fixed[i] = true;
                    clipped = true;
                } else if (!fixed[i]) {
                    p[i] = fit.shares()[i];
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
        return new Fit(out, covariance(x, k, tract, p, fixed, inverse));
    }

    /**
     * The free shares' covariance by size (index = size), clustered by tract: A⁻¹(Σ_c u_c u_cᵀ)A⁻¹
     * × G ÷ (G − 1), with A = XᵀX on the free shares, u_c the sum of x·residual over tract c's rows
     * and G the number of tracts. Robust to residuals that grow with a tract's size and to one
     * tract's releases sharing their sample (5-year releases overlap).
     */
    private static double[][] covariance(List<double[]> x, List<Double> k, List<String> tract, double[] p, boolean[] fixed,
                                         double[][] inverse) {
        List<Integer> free = free(fixed);
        int n = free.size();
        double[][] out = new double[8][8];
        if (n == 0 || inverse == null || inverse.length != n) {
            return out;
        }
        Map<String, double[]> scores = new HashMap<>();
        for (int r = 0; r < x.size(); r++) {
            double residual = k.get(r);
            for (int i = 0; i < SIZES; i++) {
                residual -= p[i] * x.get(r)[i];
            }
            double[] u = scores.computeIfAbsent(tract.get(r), t -> new double[n]);
            for (int a = 0; a < n; a++) {
                u[a] += x.get(r)[free.get(a)] * residual;
            }
        }
        int clusters = scores.size();
        if (clusters <= 1) {
            return out;
        }
        double[][] meat = new double[n][n];
        for (double[] u : scores.values()) {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    meat[a][b] += u[a] * u[b];
                }
            }
        }
        double correction = clusters / (clusters - 1.0);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        v += inverse[a][i] * meat[i][j] * inverse[j][b];
                    }
                }
                out[free.get(a) + 2][free.get(b) + 2] = v * correction;
            }
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

    private record LeastSquares(double[] shares, double[][] inverse) {}

    private static List<Integer> free(boolean[] fixed) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < SIZES; i++) {
            if (!fixed[i]) {
                free.add(i);
            }
        }
        return free;
    }

    /**
     * Least squares for the free shares, the fixed ones held at their values, with the inverse of
     * the free shares' normal matrix; null when singular.
     */
    private static LeastSquares fit(List<double[]> x, List<Double> k, double[] p, boolean[] fixed) {
        List<Integer> free = free(fixed);
        int n = free.size();
        double[] out = p.clone();
        if (n == 0) {
            return new LeastSquares(out, new double[0][0]);
        }
        // [XᵀX | Xᵀk | I], reduced to [I | solution | (XᵀX)⁻¹].
        double[][] a = new double[n][2 * n + 1];
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
        for (int i = 0; i < n; i++) {
            a[i][n + 1 + i] = 1;
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
            double diagonal = a[c][c];
            for (int j = c; j <= 2 * n; j++) {
                a[c][j] /= diagonal;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int j = c; j <= 2 * n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[free.get(i)] = a[i][n];
            System.arraycopy(a[i], n + 1, inverse[i], 0, n);
        }
        return new LeastSquares(out, inverse);
    }
}
