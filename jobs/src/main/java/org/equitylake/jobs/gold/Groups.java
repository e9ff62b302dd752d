package org.equitylake.jobs.gold;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dimensions the gold layer breaks participants down by, their groups (in chart order) and
 * the reference group of each. Every band is defined here once; docs/GOLD.md explains each.
 */
public final class Groups {
    public static final String NOT_REPORTED = "not_reported";

    public static final String HOUSEHOLD_INCOME_BAND = "household_income_band";
    public static final String TRACT_INCOME_BAND = "tract_income_band";
    public static final String HOUSEHOLD_SIZE = "household_size";
    public static final String LANGUAGE = "language";
    public static final String RACE_ETHNICITY = "race_ethnicity";
    public static final String DISTANCE_BAND = "distance_band";
    public static final String COUNCIL_DISTRICT = "council_district";
    public static final String EQUITY_TIER = "equity_tier";

    /** Household income relative to the program's limit for the household's size. */
    public static final String UNDER_50 = "under_50pct_limit";
    public static final String FROM_50_TO_100 = "50_to_100pct_limit";
    public static final String OVER_LIMIT = "over_limit";
    public static final String ALL_ELIGIBLE = "all_eligible";
    public static final List<String> ELIGIBLE_INCOME_BANDS = List.of(UNDER_50, FROM_50_TO_100);

    /** Terciles of tract median household income (B19013) among the city's tracts. */
    public static final List<String> TRACT_BANDS = List.of("low", "middle", "high");
    public static final String UNKNOWN = "unknown";

    public static final List<String> SIZE_GROUPS = List.of("1-2", "3-4", "5+");
    public static final List<String> LANGUAGE_GROUPS = List.of("english_only", "spanish", "other_indo_european",
            "asian_pacific_island", "other_languages");
    public static final List<String> RACE_GROUPS = List.of("hispanic", "white", "black", "asian", "other_or_multiracial");

    public static final double MILE_M = 1609.344;
    public static final List<String> DISTANCE_BANDS = List.of("under_0.5_mi", "0.5_to_1_mi", "1_to_2_mi", "2_mi_plus");
    /** Upper bounds of the distance bands but the last, metres. */
    static final double[] DISTANCE_BAND_UPPER_M = {0.5 * MILE_M, MILE_M, 2 * MILE_M};

    public static final List<String> EQUITY_TIERS = List.of("2-4", "5-7", "8-10");
    public static final String UNSCORED = "unscored";

    /**
     * ISO 639-1 codes to the language groups of ACS table C16002 (the Census Bureau's four-group
     * classification of languages spoken at home, 2016 on): Spanish, Other Indo-European, Asian and
     * Pacific Island, Other. English is "English only".
     */
    static final Map<String, String> LANGUAGE_GROUP_OF = languageGroups();

    private Groups() {}

    /** The reference group of a dimension; council districts take the one with most eligible households. */
    public static String reference(String dimension) {
        return switch (dimension) {
            case HOUSEHOLD_INCOME_BAND -> UNDER_50;
            case TRACT_INCOME_BAND -> "low";
            case HOUSEHOLD_SIZE -> "1-2";
            case LANGUAGE -> "english_only";
            case RACE_ETHNICITY -> "white";
            case DISTANCE_BAND -> "under_0.5_mi";
            case EQUITY_TIER -> "2-4";
            default -> throw new IllegalArgumentException("no fixed reference for " + dimension);
        };
    }

    /** Income band of a household from its income and its limit; null inputs are not reported. */
    public static String incomeBand(Double income, Double limit, Boolean isEligible) {
        if (Boolean.FALSE.equals(isEligible)) {
            return OVER_LIMIT;
        }
        if (income == null || limit == null || limit <= 0) {
            return NOT_REPORTED;
        }
        double ratio = income / limit;
        if (ratio <= 0.5) {
            return UNDER_50;
        }
        // An eligible household whose bracket midpoint lies over the limit still belongs to an eligible band.
        return ratio <= 1 || Boolean.TRUE.equals(isEligible) ? FROM_50_TO_100 : OVER_LIMIT;
    }

    public static String sizeGroup(Integer size) {
        if (size == null || size < 1) {
            return NOT_REPORTED;
        }
        return size <= 2 ? "1-2" : size <= 4 ? "3-4" : "5+";
    }

    public static String languageGroup(String iso) {
        if (iso == null) {
            return NOT_REPORTED;
        }
        return LANGUAGE_GROUP_OF.getOrDefault(iso.trim().toLowerCase(Locale.ROOT), NOT_REPORTED);
    }

    /** The ACS householder group of a silver race/ethnicity code, through the configured mapping. */
    public static String raceGroup(String code, Map<String, String> acsGroupOf) {
        if (code == null) {
            return NOT_REPORTED;
        }
        String group = acsGroupOf.get(code.trim().toLowerCase(Locale.ROOT));
        return group == null || !RACE_GROUPS.contains(group) ? NOT_REPORTED : group;
    }

    public static String distanceBand(Double metres) {
        if (metres == null || metres.isNaN() || metres < 0) {
            return NOT_REPORTED;
        }
        for (int i = 0; i < DISTANCE_BAND_UPPER_M.length; i++) {
            if (metres < DISTANCE_BAND_UPPER_M[i]) {
                return DISTANCE_BANDS.get(i);
            }
        }
        return DISTANCE_BANDS.get(DISTANCE_BANDS.size() - 1);
    }

    public static String equityTier(Integer combined) {
        if (combined == null) {
            return UNSCORED;
        }
        return combined <= 4 ? "2-4" : combined <= 7 ? "5-7" : "8-10";
    }

    private static Map<String, String> languageGroups() {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("en", "english_only");
        m.put("es", "spanish");
        for (String c : List.of("fr", "de", "it", "pt", "ru", "pl", "uk", "el", "hy", "fa", "hi", "ur", "bn", "pa", "gu",
                "ne", "mr", "sr", "hr", "bs", "ro", "nl", "sv", "no", "da", "cs", "sk", "bg", "lt", "lv", "sq", "ps",
                "ku", "yi", "ht", "ga", "cy")) {
            m.put(c, "other_indo_european");
        }
        for (String c : List.of("zh", "vi", "tl", "ko", "ja", "th", "km", "lo", "hmn", "my", "id", "ms", "sm", "to",
                "haw", "mn", "ta", "te", "ml", "kn", "jv", "fj", "ch", "mh")) {
            m.put(c, "asian_pacific_island");
        }
        for (String c : List.of("ar", "am", "he", "so", "sw", "ti", "yo", "ig", "ha", "tr", "hu", "fi", "et", "nv",
                "om", "az", "uz", "kk")) {
            m.put(c, "other_languages");
        }
        return Map.copyOf(m);
    }
}
