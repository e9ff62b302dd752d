package org.equitylake.indicators;

/**
 * Reach of a program: households served ÷ eligible households. Served comes from the program's
 * records (a count), eligible from the ACS (an estimate with a 90 % MOE); both carry error.
 *
 * <p>Standard error by the delta method for a ratio of independent quantities:
 * Var(r) ≈ r²·(Var(s)/s² + Var(e)/e²), with Var(s) = s (the served count treated as Poisson: the
 * year's enrolment is one draw of a process, not a fixed census of need) and
 * Var(e) = (MOE_e / 1.645)² (ACS handbook ch. 7). The intervals are r ± z·SE, cut at 0.
 * When nobody was served the delta method gives SE = 0, so the upper bound is the exact Poisson
 * limit for a zero count (−ln(α/2): 3.689 at 95 %, 2.996 at 90 %, Garwood 1936) divided by e.
 */
public final class Reach {
    /** Below this many eligible households a reach is not computed. */
    public static final double DEFAULT_MIN_ELIGIBLE = 1.0;

    /** Exact Poisson upper limit for an observed zero, two-sided 95 %: −ln(0.025). */
    private static final double ZERO_UPPER_95 = -Math.log(0.025);
    /** Exact Poisson upper limit for an observed zero, two-sided 90 %: −ln(0.05). */
    private static final double ZERO_UPPER_90 = -Math.log(0.05);

    private Reach() {}

    /**
     * One reach. The numeric fields are null when {@code isEligibleNearZero}: the estimate of
     * eligible households is below the minimum, and a ratio over it would be noise.
     * {@code isAboveOne} marks a point estimate over 100 % (served more than the ACS estimates are
     * eligible), which happens in small areas and is kept, not capped.
     */
    public record Result(
            long served,
            Estimate eligible,
            Double reach,
            Double se,
            Double cv,
            Double lower90,
            Double upper90,
            Double lower95,
            Double upper95,
            boolean isEligibleNearZero,
            boolean isAboveOne) {}

    /** Reach with the default minimum of eligible households. */
    public static Result of(long served, Estimate eligible) {
        return of(served, eligible, DEFAULT_MIN_ELIGIBLE);
    }

    public static Result of(long served, Estimate eligible, double minEligible) {
        if (served < 0) {
            throw new IllegalArgumentException("served must be >= 0, was " + served);
        }
        double e = eligible.value();
        if (e < minEligible) {
            return new Result(served, eligible, null, null, null, null, null, null, null, true, false);
        }
        double r = served / e;
        if (served == 0) {
            return new Result(served, eligible, 0.0, 0.0, null,
                    0.0, ZERO_UPPER_90 / e, 0.0, ZERO_UPPER_95 / e, false, false);
        }
        // Delta method: Var(r) ≈ r²·(Var(s)/s² + Var(e)/e²) with Var(s) = s (Poisson).
        double relVariance = 1.0 / served + AcsMath.sq(eligible.se() / e);
        double se = r * Math.sqrt(relVariance);
        return new Result(served, eligible, r, se, se / r,
                Math.max(0, r - AcsMath.Z90 * se), r + AcsMath.Z90 * se,
                Math.max(0, r - AcsMath.Z95 * se), r + AcsMath.Z95 * se,
                false, r > 1);
    }
}
