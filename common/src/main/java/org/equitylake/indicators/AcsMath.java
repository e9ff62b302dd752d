package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.List;

/**
 * Margins of error for estimates derived from ACS tables, as the Census Bureau's handbook
 * "Understanding and Using American Community Survey Data: What All Data Users Need to Know"
 * (2020), chapter 8 "Calculating Measures of Error for Derived Estimates", gives them.
 *
 * <p>All margins here are at the 90 % level, like the published ones. The formulas are
 * approximations: they treat the component estimates as independent (no covariance), which the
 * handbook notes; the Bureau's variance replicate tables are the exact alternative.
 */
public final class AcsMath {
    /** z of a two-sided 90 % interval; the ACS publishes MOEs at 90 % (handbook ch. 7). */
    public static final double Z90 = 1.645;
    /** z of a two-sided 95 % interval. */
    public static final double Z95 = 1.96;

    /** Lower bounds of the 16 brackets of table B19001 (household income), in dollars. */
    public static final double[] B19001_LOWER_BOUNDS = {
        0, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000, 50_000,
        60_000, 75_000, 100_000, 125_000, 150_000, 200_000};

    private AcsMath() {}

    /** ACS handbook ch. 7: SE = MOE / 1.645 for a published 90 % margin. */
    public static double seFromMoe90(double moe90) {
        return moe90 / Z90;
    }

    /** ACS handbook ch. 7: MOE(90 %) = 1.645 × SE. */
    public static double moe90FromSe(double se) {
        return se * Z90;
    }

    /** ACS handbook ch. 8, aggregated counts: MOE = sqrt(Σ MOE_i²). */
    public static double moeOfSum(double... moes) {
        double squares = 0;
        for (double m : moes) {
            squares += m * m;
        }
        return Math.sqrt(squares);
    }

    /** The sum of estimates with {@link #moeOfSum}. */
    public static Estimate sum(List<Estimate> parts) {
        double value = 0;
        double squares = 0;
        for (Estimate e : parts) {
            value += e.value();
            squares += e.moe90() * e.moe90();
        }
        return new Estimate(value, Math.sqrt(squares));
    }

    /**
     * p = x / y where x is a subset of y. ACS handbook ch. 8, derived proportion:
     * MOE(p) = sqrt(MOE_x² − p²·MOE_y²) / y; when the radicand is negative the handbook says to use
     * the ratio formula (with +) instead. Throws when y is 0: callers flag that case.
     */
    public static Estimate proportion(Estimate part, Estimate whole) {
        requireNonZero(whole);
        double p = part.value() / whole.value();
        double radicand = sq(part.moe90()) - sq(p) * sq(whole.moe90());
        if (radicand < 0) {
            radicand = sq(part.moe90()) + sq(p) * sq(whole.moe90());
        }
        return new Estimate(p, Math.sqrt(radicand) / Math.abs(whole.value()));
    }

    /** R = x / y, x not a subset of y. ACS handbook ch. 8, derived ratio: sqrt(MOE_x² + R²·MOE_y²) / y. */
    public static Estimate ratio(Estimate numerator, Estimate denominator) {
        requireNonZero(denominator);
        double r = numerator.value() / denominator.value();
        double moe = Math.sqrt(sq(numerator.moe90()) + sq(r) * sq(denominator.moe90()));
        return new Estimate(r, moe / Math.abs(denominator.value()));
    }

    /** ACS handbook ch. 8, product of two estimates: MOE(A·B) = sqrt(A²·MOE_B² + B²·MOE_A²). */
    public static Estimate product(Estimate a, Estimate b) {
        double moe = Math.sqrt(sq(a.value()) * sq(b.moe90()) + sq(b.value()) * sq(a.moe90()));
        return new Estimate(a.value() * b.value(), moe);
    }

    /** One income bracket [lower, upper) with its household count; upper is +∞ for the top one. */
    public record Bracket(double lower, double upper, Estimate households) {
        public Bracket {
            if (!(upper > lower) || lower < 0) {
                throw new IllegalArgumentException("bracket needs 0 <= lower < upper: " + lower + ", " + upper);
            }
        }
    }

    /** How the bracket that contains the limit is split. */
    public enum Interpolation { LINEAR, PARETO }

    /** The 16 B19001 brackets from their estimates and MOEs (B19001_002 … B19001_017), in order. */
    public static List<Bracket> b19001(double[] estimates, double[] moes) {
        int n = B19001_LOWER_BOUNDS.length;
        if (estimates.length != n || moes.length != n) {
            throw new IllegalArgumentException("B19001 has " + n + " brackets");
        }
        List<Bracket> brackets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double upper = i + 1 < n ? B19001_LOWER_BOUNDS[i + 1] : Double.POSITIVE_INFINITY;
            brackets.add(new Bracket(B19001_LOWER_BOUNDS[i], upper, new Estimate(estimates[i], moes[i])));
        }
        return brackets;
    }

    /**
     * Estimated households with income below {@code limit}: the brackets wholly below it plus a share
     * of the bracket that contains it. The share is linear in income (households spread evenly over
     * the bracket) or, with PARETO, follows the Pareto curve through the bracket's two bounds (the
     * interpolation the Census Bureau uses for medians in wide brackets). The open-ended top bracket
     * always uses a Pareto tail fitted on the bracket below it (a linear share is undefined there).
     *
     * <p>MOE: the ACS sum formula over the full brackets plus (share × MOE of the partial bracket),
     * i.e. the share is treated as a fixed scalar although it is itself computed from estimates.
     * That approximation understates the error slightly; it is the one the handbook's product
     * formula gives for a constant factor.
     *
     * @param brackets contiguous, in increasing order, the first starting at 0
     */
    public static Estimate householdsBelow(List<Bracket> brackets, double limit, Interpolation interpolation) {
        requireContiguous(brackets);
        if (Double.isNaN(limit)) {
            throw new IllegalArgumentException("income limit is NaN");
        }
        double value = 0;
        double squares = 0;
        for (int i = 0; i < brackets.size(); i++) {
            Bracket b = brackets.get(i);
            if (limit >= b.upper()) {
                value += b.households().value();
                squares += sq(b.households().moe90());
            } else if (limit > b.lower()) {
                double share = share(brackets, i, limit, interpolation);
                value += share * b.households().value();
                squares += sq(share * b.households().moe90());
            }
        }
        return new Estimate(value, Math.sqrt(squares));
    }

    private static double share(List<Bracket> brackets, int i, double limit, Interpolation interpolation) {
        Bracket b = brackets.get(i);
        if (Double.isInfinite(b.upper())) {
            return paretoTailShare(brackets, i, limit);
        }
        double linear = (limit - b.lower()) / (b.upper() - b.lower());
        if (interpolation == Interpolation.LINEAR || b.lower() == 0) {
            return linear;
        }
        // Pareto: households at or above income x ∝ x^(−θ), θ from the counts above each bound.
        double atOrAboveLower = householdsAtOrAbove(brackets, i);
        double atOrAboveUpper = atOrAboveLower - b.households().value();
        if (atOrAboveUpper <= 0 || atOrAboveLower <= atOrAboveUpper) {
            return linear;
        }
        double theta = Math.log(atOrAboveLower / atOrAboveUpper) / Math.log(b.upper() / b.lower());
        double atOrAboveLimit = atOrAboveLower * Math.pow(b.lower() / limit, theta);
        return (atOrAboveLower - atOrAboveLimit) / (atOrAboveLower - atOrAboveUpper);
    }

    private static double paretoTailShare(List<Bracket> brackets, int top, double limit) {
        Bracket b = brackets.get(top);
        double aboveTop = householdsAtOrAbove(brackets, top);
        if (top == 0 || aboveTop <= 0) {
            throw new IllegalArgumentException("limit " + limit + " falls in the open-ended top bracket"
                    + " and no Pareto tail can be fitted");
        }
        Bracket below = brackets.get(top - 1);
        double aboveBelow = aboveTop + below.households().value();
        if (below.lower() <= 0 || aboveBelow <= aboveTop) {
            throw new IllegalArgumentException("limit " + limit + " falls in the open-ended top bracket"
                    + " and the bracket below it cannot anchor a Pareto tail");
        }
        double theta = Math.log(aboveBelow / aboveTop) / Math.log(b.lower() / below.lower());
        return 1 - Math.pow(b.lower() / limit, theta);
    }

    private static double householdsAtOrAbove(List<Bracket> brackets, int from) {
        double n = 0;
        for (int i = from; i < brackets.size(); i++) {
            n += brackets.get(i).households().value();
        }
        return n;
    }

    private static void requireContiguous(List<Bracket> brackets) {
        if (brackets.isEmpty() || brackets.get(0).lower() != 0) {
            throw new IllegalArgumentException("brackets must start at 0");
        }
        for (int i = 1; i < brackets.size(); i++) {
            if (brackets.get(i).lower() != brackets.get(i - 1).upper()) {
                throw new IllegalArgumentException("brackets must be contiguous and in order, gap at " + i);
            }
        }
    }

    private static void requireNonZero(Estimate denominator) {
        if (denominator.value() == 0) {
            throw new IllegalArgumentException("denominator estimate is 0");
        }
    }

    static double sq(double x) {
        return x * x;
    }
}
