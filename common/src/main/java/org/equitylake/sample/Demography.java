package org.equitylake.sample;

/** The categories households are drawn in, with the labels each source writes them with. */
final class Demography {
    private Demography() {}

    /** Race and ethnicity of the householder, as the sample's B11001-like table counts it. */
    enum Race {
        HISPANIC("Hispanic or Latino householder", "Hispanic or Latino",
                new String[] {"Hispanic", "Latino", "latina", "Mexican", "Hispanic/Latino", "mexican american", "Salvadoran", "HISPANIC"}),
        WHITE("White alone householder, not Hispanic or Latino", "White",
                new String[] {"White", "Caucasian", "white", "Caucasian/White", "WHITE", "Portuguese"}),
        BLACK("Black or African American alone householder, not Hispanic or Latino", "Black or African American",
                new String[] {"Black", "African American", "black", "AA", "Ethiopian", "Afr. American"}),
        ASIAN("Asian alone householder, not Hispanic or Latino", "Asian",
                new String[] {"Asian", "Vietnamese", "Chinese", "Filipino", "asian american", "Korean", "Indian", "ASIAN"}),
        OTHER("Some other race or two or more races householder, not Hispanic or Latino", "Two or More Races",
                new String[] {"Mixed", "Two or more", "Other", "biracial", "Native American", "Pacific Islander", "multiracial"});

        final String acsLabel;
        final String formLabel;
        final String[] freeText;

        Race(String acsLabel, String formLabel, String[] freeText) {
            this.acsLabel = acsLabel;
            this.formLabel = formLabel;
            this.freeText = freeText;
        }
    }

    /** Multi-select codes by race: each household carries one of these sets. */
    static final String[][] RACE_CODE_SETS = {
        {"HIS", "HIS;WHT", "HIS;AIAN", "HIS;OTH"},
        {"WHT"},
        {"BLK"},
        {"ASN"},
        {"ASN;WHT", "BLK;WHT", "NHPI", "AIAN", "OTH", "ASN;NHPI"}};
    static final double[][] RACE_CODE_WEIGHTS = {{0.60, 0.30, 0.04, 0.06}, {1}, {1}, {1}, {0.30, 0.20, 0.15, 0.10, 0.15, 0.10}};

    /** The C16002 language groups. */
    static final String[] LANGUAGE_GROUPS = {"English only", "Spanish", "Other Indo-European languages",
        "Asian and Pacific Island languages", "Other languages"};

    /** Language spoken at home, its C16002 group, the chance the household is limited-English, and the labels forms use. */
    enum Language {
        EN("en", 0, 0.00, "English", new String[] {"English", "ENGLISH", "Eng", "english"}),
        ES("es", 1, 0.38, "Spanish", new String[] {"Spanish", "spanish", "Español", "SPA", "Span."}),
        VI("vi", 3, 0.50, "Vietnamese", new String[] {"Vietnamese", "Tiếng Việt", "VIET", "vietnamese"}),
        ZH("zh", 3, 0.48, "Chinese (Mandarin)", new String[] {"Chinese", "Mandarin", "Cantonese", "chinese"}),
        TL("tl", 3, 0.18, "Tagalog", new String[] {"Tagalog", "Filipino", "TAGALOG"}),
        KO("ko", 3, 0.45, "Korean", new String[] {"Korean", "korean"}),
        HI("hi", 2, 0.15, "Hindi", new String[] {"Hindi", "HINDI"}),
        PT("pt", 2, 0.30, "Portuguese", new String[] {"Portuguese", "Português"}),
        RU("ru", 2, 0.35, "Russian", new String[] {"Russian"}),
        FA("fa", 2, 0.30, "Farsi", new String[] {"Farsi", "Persian"}),
        AM("am", 4, 0.35, "Amharic", new String[] {"Amharic"}),
        AR("ar", 4, 0.35, "Arabic", new String[] {"Arabic", "arabic"});

        final String code;
        final int group;
        final double limitedShare;
        final String formLabel;
        final String[] freeText;

        Language(String code, int group, double limitedShare, String formLabel, String[] freeText) {
            this.code = code;
            this.group = group;
            this.limitedShare = limitedShare;
            this.formLabel = formLabel;
            this.freeText = freeText;
        }
    }

    /** Language at home by race, as weights over {@link Language}. */
    static double[] languageWeights(Race race) {
        double[] w = new double[Language.values().length];
        switch (race) {
            case HISPANIC -> {
                w[Language.ES.ordinal()] = 0.55;
                w[Language.EN.ordinal()] = 0.45;
            }
            case ASIAN -> {
                w[Language.VI.ordinal()] = 0.28;
                w[Language.ZH.ordinal()] = 0.25;
                w[Language.TL.ordinal()] = 0.14;
                w[Language.KO.ordinal()] = 0.05;
                w[Language.HI.ordinal()] = 0.10;
                w[Language.EN.ordinal()] = 0.18;
            }
            case WHITE -> {
                w[Language.EN.ordinal()] = 0.88;
                w[Language.PT.ordinal()] = 0.04;
                w[Language.RU.ordinal()] = 0.04;
                w[Language.FA.ordinal()] = 0.04;
            }
            case BLACK -> {
                w[Language.EN.ordinal()] = 0.92;
                w[Language.AM.ordinal()] = 0.08;
            }
            case OTHER -> {
                w[Language.EN.ordinal()] = 0.80;
                w[Language.AR.ordinal()] = 0.10;
                w[Language.ES.ordinal()] = 0.10;
            }
        }
        return w;
    }

    /** The origin of a household's names, from its race and language. */
    static Names.Origin origin(Race race, Language language, double u) {
        return switch (race) {
            case HISPANIC -> Names.Origin.HISPANIC;
            case ASIAN -> switch (language) {
                case VI -> Names.Origin.VIETNAMESE;
                case ZH -> Names.Origin.CHINESE;
                case TL -> Names.Origin.FILIPINO;
                case KO -> Names.Origin.KOREAN;
                case HI -> Names.Origin.SOUTH_ASIAN;
                default -> new Names.Origin[] {Names.Origin.VIETNAMESE, Names.Origin.CHINESE, Names.Origin.FILIPINO,
                    Names.Origin.KOREAN, Names.Origin.SOUTH_ASIAN}[(int) (u * 5)];
            };
            case WHITE -> language == Language.EN ? Names.Origin.ANGLO : Names.Origin.EUROPEAN;
            case BLACK -> language == Language.AM ? Names.Origin.ETHIOPIAN : Names.Origin.AFRICAN_AMERICAN;
            case OTHER -> language == Language.AR ? Names.Origin.ARABIC
                    : new Names.Origin[] {Names.Origin.ANGLO, Names.Origin.HISPANIC, Names.Origin.FILIPINO}[(int) (u * 3)];
        };
    }
}
