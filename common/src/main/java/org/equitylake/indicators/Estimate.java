package org.equitylake.indicators;

/**
 * A survey estimate with its margin of error at the 90 % level, the level at which the ACS
 * publishes every MOE. A count known exactly (a program's own records) has {@code moe90 == 0}.
 */
public record Estimate(double value, double moe90) {
    public Estimate {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("estimate is NaN");
        }
        if (Double.isNaN(moe90) || moe90 < 0) {
            throw new IllegalArgumentException("margin of error must be >= 0, was " + moe90);
        }
    }

    /** A value without sampling error. */
    public static Estimate exact(double value) {
        return new Estimate(value, 0);
    }

    /** Standard error: the 90 % MOE divided by 1.645. */
    public double se() {
        return AcsMath.seFromMoe90(moe90);
    }

    /** Coefficient of variation SE / estimate; null when the estimate is 0. */
    public Double cv() {
        return value == 0 ? null : se() / Math.abs(value);
    }
}
