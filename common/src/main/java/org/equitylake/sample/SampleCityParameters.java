package org.equitylake.sample;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample city's sizes, the effects planted in its program records (which the gold indicators
 * must recover) and the rates of its mess. Defaults are in the comments and in {@link #defaults()};
 * every value is written to {@code truth/parameters.json}.
 */
public record SampleCityParameters(
        /* ---- sizes ---- */
        /** Address points (dwellings inside the city) per unit of scale. Default 36000. */
        int addressPointsPerScale,
        /** If above 0, exactly this many address points are aimed at, whatever the scale. Default 0. */
        long addressPointsOverride,
        /** If above 0, the childcare registrations are thinned or padded (extra in-season resubmissions) to about this many. Default 0. */
        long childcareRegistrationsOverride,
        /** If above 0, the housing grant applications are thinned or padded to about this many. Default 0. */
        long housingGrantApplicationsOverride,
        /** Share of dwellings that hold a household. Default 0.93. */
        double occupancyRate,
        /** Program sites (community centres and resource hubs). Default 15. */
        int programSiteCount,
        /** Side of the lattice cell census tracts are cut from, metres; tracts are 1 to 4 cells. Default 640 (about 156 tracts). */
        double tractCellMetres,

        /* ---- programs and their income limits ---- */
        /** First year of the housing grant program. Default 2021. */
        int housingGrantFirstYear,
        /** First export year of the second childcare layout. Default 2019. */
        int childcareLayoutV2FromYear,
        /** First export year of the third childcare layout. Default 2022. */
        int childcareLayoutV3FromYear,
        /** Childcare income limit as a share of the state median income. Default 0.85. */
        double childcareIncomeLimitShareOfSmi,
        /** State median income of a 4-person family in 2016, USD. Default 88000. */
        double stateMedianIncome4Person2016,
        /** Yearly growth of the state median income. Default 0.045. */
        double stateMedianIncomeGrowth,
        /** Housing grant income limit as a share of the area median income ("very low income"). Default 0.50. */
        double housingGrantIncomeLimitShareOfAmi,
        /** Area median income of a 4-person family in 2021, USD. Default 141000. */
        double areaMedianIncome4Person2021,
        /** Yearly growth of the area median income. Default 0.05. */
        double areaMedianIncomeGrowth,
        /** Yearly growth of household incomes (2016 dollars are the base). Default 0.035. */
        double householdIncomeGrowth,

        /* ---- planted effects ---- */
        /** Childcare: yearly registration probability of an eligible household with children at a site's door, before the factors below. Default 0.90. */
        double childcareBaseTakeUp,
        /** Housing grant: yearly application probability of an eligible household at a site's door. Default 0.15. */
        double housingGrantBaseTakeUp,
        /** Take-up falls as exp(-distance / this) with the distance to the nearest open site, km. Default 2.0. */
        double distanceDecayKm,
        /** Take-up is multiplied by this for each household member above two (smaller households favoured). Default 0.85. */
        double householdSizeFactor,
        /** Households over the income limit apply at this fraction of the eligible rate. Default 0.25. */
        double ineligibleApplicationFactor,
        /** Share of tracts (among those mostly inside the city) where eligible families are mostly unaware. Default 0.12. */
        double lowAwarenessTractShare,
        /** Take-up multiplier in those low-awareness tracts. Default 0.20. */
        double lowAwarenessFactor,
        /** Eligible (lower-income) households' take-up is multiplied by exp(this x z), z the tract's standardised log median income. Default 0.35. */
        double tractIncomeContextSlope,
        /** Probability that an eligible applicant is awarded. Default 0.85. */
        double awardRateEligible,
        /** Probability that an applicant over the limit is awarded in the lowest-income tract. Default 0.10. */
        double overLimitAwardRateBase,
        /** Added to that probability in proportion to the tract's income percentile (0 to 1). Default 0.45. */
        double overLimitAwardRateTractSlope,

        /* ---- survey and file-level mess ---- */
        /** Share of households in the ACS sample behind each 5-year table. Default 0.10. */
        double acsSamplingRate,
        /** Childcare export files written with a header no layout knows. Default 1. */
        int unknownHeaderFiles,
        /** Export files delivered a second time under another name, per program. Default 1. */
        int duplicateFiles,
        /** Rate of each kind of record mess; see {@link MessKind} for the defaults and the base of each rate. */
        Map<MessKind, Double> messRates) {

    public SampleCityParameters {
        EnumMap<MessKind, Double> rates = new EnumMap<>(MessKind.class);
        for (MessKind k : MessKind.values()) {
            rates.put(k, k.defaultRate());
        }
        if (messRates != null) {
            rates.putAll(messRates);
        }
        rates.forEach((k, v) -> requireShare(k.code(), v));
        messRates = Collections.unmodifiableMap(rates);
        if (addressPointsPerScale <= 0) {
            throw new IllegalArgumentException("addressPointsPerScale must be positive");
        }
        if (childcareLayoutV3FromYear < childcareLayoutV2FromYear) {
            throw new IllegalArgumentException("childcareLayoutV3FromYear must not precede childcareLayoutV2FromYear");
        }
        if (programSiteCount < 4) {
            throw new IllegalArgumentException("programSiteCount must be at least 4");
        }
        // Below 200 m a tract holds too few dwellings for its ACS tables to mean anything.
        if (tractCellMetres < 200) {
            throw new IllegalArgumentException("tractCellMetres must be at least 200");
        }
        if (distanceDecayKm <= 0 || householdSizeFactor <= 0) {
            throw new IllegalArgumentException("distanceDecayKm and householdSizeFactor must be positive");
        }
        for (double share : new double[] {occupancyRate, childcareIncomeLimitShareOfSmi, housingGrantIncomeLimitShareOfAmi,
                childcareBaseTakeUp, housingGrantBaseTakeUp, ineligibleApplicationFactor, lowAwarenessTractShare,
                lowAwarenessFactor, awardRateEligible, overLimitAwardRateBase, acsSamplingRate}) {
            requireShare("a rate", share);
        }
        if (acsSamplingRate == 0 || overLimitAwardRateBase + overLimitAwardRateTractSlope > 1) {
            throw new IllegalArgumentException("acsSamplingRate must be positive and overLimitAwardRateBase + slope at most 1");
        }
    }

    public static SampleCityParameters defaults() {
        return new SampleCityParameters(
                36_000, 0, 0, 0, 0.93, 15, 640,
                2021, 2019, 2022, 0.85, 88_000, 0.045, 0.50, 141_000, 0.05, 0.035,
                0.90, 0.15, 2.0, 0.85, 0.25, 0.12, 0.20, 0.35, 0.85, 0.10, 0.45,
                0.10, 1, 1, null);
    }

    public double messRate(MessKind kind) {
        return messRates.get(kind);
    }

    /** The same parameters with absolute sizes for a benchmark; 0 leaves a size to the scale and the model. */
    public SampleCityParameters withSizeOverrides(long addressPoints, long childcareRegistrations, long housingGrantApplications) {
        Map<String, Object> v = components();
        v.put("addressPointsOverride", addressPoints);
        v.put("childcareRegistrationsOverride", childcareRegistrations);
        v.put("housingGrantApplicationsOverride", housingGrantApplications);
        return of(v);
    }

    /** The same parameters with a denser geography: more, smaller tracts and more sites (city-wide: 380 m, about 400 tracts, and 60 sites). */
    public SampleCityParameters withGeography(double tractCellMetres, int programSiteCount) {
        Map<String, Object> v = components();
        v.put("tractCellMetres", tractCellMetres);
        v.put("programSiteCount", programSiteCount);
        return of(v);
    }

    public SampleCityParameters withMessRate(MessKind kind, double rate) {
        EnumMap<MessKind, Double> rates = new EnumMap<>(messRates);
        rates.put(kind, rate);
        Map<String, Object> v = components();
        v.put("messRates", rates);
        return of(v);
    }

    /** Component name to value, in declaration order; mess rates as a map from their codes. */
    public Map<String, Object> toMap() {
        Map<String, Object> v = components();
        Map<String, Double> rates = new LinkedHashMap<>();
        messRates.forEach((k, r) -> rates.put(k.code(), r));
        v.put("messRates", rates);
        return v;
    }

    private Map<String, Object> components() {
        Map<String, Object> v = new LinkedHashMap<>();
        try {
            for (RecordComponent c : SampleCityParameters.class.getRecordComponents()) {
                v.put(c.getName(), c.getAccessor().invoke(this));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static SampleCityParameters of(Map<String, Object> v) {
        RecordComponent[] cs = SampleCityParameters.class.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = v.get(cs[i].getName());
        }
        try {
            return SampleCityParameters.class.getDeclaredConstructor(types).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireShare(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + v);
        }
    }
}
