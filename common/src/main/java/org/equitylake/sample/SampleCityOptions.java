package org.equitylake.sample;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code equity-lake generate-sample} asks for: a seed (the same seed gives byte-identical
 * files), a scale (1 is a mid-size city; address points and records grow linearly with it), the
 * years of program records, and where to write {@code landing/} and {@code truth/}.
 */
public record SampleCityOptions(long seed, double scale, int firstYear, int lastYear, Path out, SampleCityParameters parameters) {
    public static final long DEFAULT_SEED = 20160901L;

    public SampleCityOptions {
        Objects.requireNonNull(out, "out");
        if (parameters == null) {
            parameters = SampleCityParameters.defaults();
        }
        if (!(scale > 0) || scale > 1000) {
            throw new IllegalArgumentException("scale must be above 0 and at most 1000, was " + scale);
        }
        if (firstYear < 2000 || lastYear > 2100 || firstYear > lastYear) {
            throw new IllegalArgumentException("years must be an increasing range within 2000-2100, was " + firstYear + "-" + lastYear);
        }
    }

    /** The default city: seed 20160901, scale 1, 2016 to 2025, default parameters. */
    public static SampleCityOptions defaults(Path out) {
        return new SampleCityOptions(DEFAULT_SEED, 1.0, 2016, 2025, out, SampleCityParameters.defaults());
    }

    public SampleCityOptions withScale(double newScale) {
        return new SampleCityOptions(seed, newScale, firstYear, lastYear, out, parameters);
    }

    public SampleCityOptions withOut(Path newOut) {
        return new SampleCityOptions(seed, scale, firstYear, lastYear, newOut, parameters);
    }

    /** Address points aimed at: the override if set, else scale times the per-scale count. */
    long addressPointTarget() {
        return parameters.addressPointsOverride() > 0
                ? parameters.addressPointsOverride()
                : Math.max(500, Math.round(scale * parameters.addressPointsPerScale()));
    }
}
