package org.equitylake.indicators;

import java.util.List;

/**
 * How enrolment falls with distance to the nearest site: p(d) = a·exp(−d/λ), fitted on distance
 * bands by Poisson maximum likelihood (a log-linear Poisson model with offset log(eligible), the
 * canonical link, so Newton's method is iteratively reweighted least squares; McCullagh &amp;
 * Nelder, "Generalized Linear Models", 2nd ed., ch. 2 and 6). The Poisson model approximates the
 * binomial well while enrolment probabilities are small. Starting values come from weighted least
 * squares on the log rates; Newton steps are halved while the log-likelihood does not improve.
 *
 * <p>The 95 % interval is a Wald interval for the decay rate b = 1/λ (b ± 1.96·SE from the inverse
 * Fisher information) mapped to λ = 1/b, so it is asymmetric in λ and unbounded above when the
 * interval for b reaches 0. With more than two bands the standard error is scaled by the Pearson
 * dispersion when that is above 1 (quasi-Poisson), so clustered enrolment does not look precise.
 */
public final class DistanceDecay {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-12;

    private DistanceDecay() {}

    /** One distance band: its midpoint in metres, eligible households in it and how many enrolled. */
    public record Band(double midpointMetres, double eligible, long enrolled) {}

    /**
     * The fit. {@code lambdaMetres} is +∞ when enrolment does not fall with distance (b ≤ 0);
     * {@code lambdaUpper95} is +∞ when the decay rate's interval reaches 0.
     */
    public record Fit(
            double a,
            double lambdaMetres,
            double lambdaLower95,
            double lambdaUpper95,
            double decayPerMetre,
            double decaySe,
            double decayLower95,
            double decayUpper95,
            double dispersion,
            int iterations,
            boolean converged) {
        /** Fitted enrolment probability at distance d metres. */
        public double probabilityAt(double metres) {
            return a * Math.exp(-decayPerMetre * metres);
        }
    }

    public static Fit fit(List<Band> bands) {
        int k = bands.size();
        double[] d = new double[k];
        double[] logN = new double[k];
        double[] y = new double[k];
        double centre = 0;
        for (int i = 0; i < k; i++) {
            Band b = bands.get(i);
            if (!(b.eligible() > 0) || b.enrolled() < 0) {
                throw new IllegalArgumentException("band " + i + " needs eligible > 0 and enrolled >= 0");
            }
            d[i] = b.midpointMetres();
            logN[i] = Math.log(b.eligible());
            y[i] = b.enrolled();
            centre += d[i] / k;
        }
        // Distances are centred so that the intercept and slope are nearly uncorrelated.
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = d[i] - centre;
        }
        double[] theta = startingValues(x, logN, y);
        double ll = logLikelihood(theta, x, logN, y);
        int iterations = 0;
        boolean converged = false;
        while (iterations < MAX_ITERATIONS && !converged) {
            iterations++;
            double[][] info = information(theta, x, logN);
            double[] score = score(theta, x, logN, y);
            double[] step = solve2(info, score);
            double scale = 1;
            double[] next = {theta[0] + step[0], theta[1] + step[1]};
            double nextLl = logLikelihood(next, x, logN, y);
            while (nextLl < ll && scale > 1e-6) {
                scale /= 2;
                next = new double[] {theta[0] + scale * step[0], theta[1] + scale * step[1]};
                nextLl = logLikelihood(next, x, logN, y);
            }
            converged = Math.abs(next[0] - theta[0]) < TOLERANCE * (1 + Math.abs(theta[0]))
                    && Math.abs(next[1] - theta[1]) < TOLERANCE * (1 + Math.abs(theta[1]));
            theta = next;
            ll = nextLl;
        }
        double dispersion = dispersion(theta, x, logN, y);
        double[][] info = information(theta, x, logN);
        double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
        double se = Math.sqrt(info[0][0] / det * Math.max(1, dispersion));
        // theta[1] is the slope of log rate on distance, i.e. −b.
        double b = -theta[1];
        double a = Math.exp(theta[0] + b * centre);
        double lowerB = b - AcsMath.Z95 * se;
        double upperB = b + AcsMath.Z95 * se;
        return new Fit(a, b > 0 ? 1 / b : Double.POSITIVE_INFINITY,
                upperB > 0 ? 1 / upperB : Double.POSITIVE_INFINITY,
                lowerB > 0 ? 1 / lowerB : Double.POSITIVE_INFINITY,
                b, se, lowerB, upperB, dispersion, iterations, converged);
    }

    private static double[] startingValues(double[] x, double[] logN, double[] y) {
        // Weighted least squares of log(y/n) on x with weights y (Var(log rate) ≈ 1/y).
        double sw = 0, sx = 0, sz = 0, sxx = 0, sxz = 0;
        int used = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] <= 0) {
                continue;
            }
            double z = Math.log(y[i]) - logN[i];
            sw += y[i];
            sx += y[i] * x[i];
            sz += y[i] * z;
            sxx += y[i] * x[i] * x[i];
            sxz += y[i] * x[i] * z;
            used++;
        }
        if (used < 2) {
            throw new IllegalArgumentException("need at least two bands with enrolment to fit a decay");
        }
        double slope = (sw * sxz - sx * sz) / (sw * sxx - sx * sx);
        return new double[] {(sz - slope * sx) / sw, slope};
    }

    private static double mu(double[] theta, double x, double logN) {
        return Math.exp(logN + theta[0] + theta[1] * x);
    }

    private static double logLikelihood(double[] theta, double[] x, double[] logN, double[] y) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            ll += y[i] * (logN[i] + theta[0] + theta[1] * x[i]) - mu(theta, x[i], logN[i]);
        }
        return ll;
    }

    private static double[] score(double[] theta, double[] x, double[] logN, double[] y) {
        double[] u = new double[2];
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - mu(theta, x[i], logN[i]);
            u[0] += r;
            u[1] += r * x[i];
        }
        return u;
    }

    private static double[][] information(double[] theta, double[] x, double[] logN) {
        double[][] m = new double[2][2];
        for (int i = 0; i < x.length; i++) {
            double w = mu(theta, x[i], logN[i]);
            m[0][0] += w;
            m[0][1] += w * x[i];
            m[1][1] += w * x[i] * x[i];
        }
        m[1][0] = m[0][1];
        return m;
    }

    private static double[] solve2(double[][] m, double[] v) {
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        if (det == 0) {
            throw new IllegalArgumentException("bands need at least two distinct distances");
        }
        return new double[] {(m[1][1] * v[0] - m[0][1] * v[1]) / det, (m[0][0] * v[1] - m[1][0] * v[0]) / det};
    }

    /** Pearson χ² ÷ (bands − 2); 1 when there are no residual degrees of freedom. */
    private static double dispersion(double[] theta, double[] x, double[] logN, double[] y) {
        if (x.length <= 2) {
            return 1;
        }
        double chi2 = 0;
        for (int i = 0; i < x.length; i++) {
            double m = mu(theta, x[i], logN[i]);
            chi2 += (y[i] - m) * (y[i] - m) / m;
        }
        return chi2 / (x.length - 2);
    }
}
