package org.equitylake.sample;

import java.util.SplittableRandom;

/**
 * Seed-derived randomness. Every entity (a dwelling, a household-year, a record) draws from its
 * own stream, keyed by what it is, so the output never depends on iteration order and one part of
 * the city can change without reshuffling the rest.
 */
final class Rand {
    static final long CITY = 1;
    static final long TRACTS = 2;
    static final long STREETS = 3;
    static final long PARCELS = 4;
    static final long ZIPS = 5;
    static final long SITES = 6;
    static final long PROFILES = 7;
    static final long HOUSEHOLDS = 8;
    static final long INCOME = 9;
    static final long ACS = 10;
    static final long TAKE_UP = 11;
    static final long AWARD = 12;
    static final long RECORD = 13;
    static final long CALENDAR = 14;
    static final long FILES = 15;
    static final long OUTSIDE = 16;
    static final long VOLUME = 17;
    static final long PHONE = 18;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Rand() {}

    /** The SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long key(long seed, long... parts) {
        long h = mix(seed ^ GOLDEN);
        for (long p : parts) {
            h = mix(h + GOLDEN + mix(p));
        }
        return h;
    }

    static SplittableRandom rng(long seed, long... parts) {
        return new SplittableRandom(key(seed, parts));
    }

    /** A uniform double in [0, 1) from a key. */
    static double unit(long key) {
        return (key >>> 11) * 0x1.0p-53;
    }

    static double unit(long seed, long... parts) {
        return unit(key(seed, parts));
    }

    /** A standard normal draw from a key (Box-Muller, StrictMath so every JVM gives the same bits). */
    static double gaussian(long key) {
        double u1 = 1.0 - unit(mix(key));
        double u2 = unit(mix(key + GOLDEN));
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    static double gaussian(SplittableRandom r) {
        return gaussian(r.nextLong());
    }

    /** Poisson: Knuth's product method for small means, a rounded normal approximation above 30. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(r)));
        }
        double limit = StrictMath.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            k++;
            product *= r.nextDouble();
        }
        return k;
    }

    /** An index drawn with probability proportional to its weight. */
    static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
