package org.equitylake.geo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The USPS Publication 28 tables the address normaliser needs: street suffixes (Appendix C1),
 * secondary unit designators (Appendix C2) and directionals (section 233). Keys and values are
 * upper case without punctuation. The maps are built once and never change, so they are safe
 * to share between Spark task threads.
 */
public final class UspsAbbreviations {
    private static final Map<String, String> SUFFIX = new HashMap<>();
    private static final Map<String, String> SUFFIX_FULL = new HashMap<>();
    private static final Map<String, String> UNIT = new HashMap<>();
    private static final Set<String> UNIT_WITHOUT_NUMBER = new HashSet<>();
    private static final Map<String, String> DIRECTION = new HashMap<>();
    /**
     * Full names a misspelled suffix may be corrected to: common, long ones only, so an ordinary
     * word one letter away from a short suffix (ALLEN/ALLEY, PALACE/PLACE, LANCE/LANE) stays a name.
     */
    static final String[] TYPO_TARGETS = {
        "STREET", "AVENUE", "BOULEVARD", "DRIVE", "COURT", "CIRCLE", "PARKWAY", "TERRACE",
        "HIGHWAY", "EXPRESSWAY", "TRAIL", "SQUARE"};

    static {
        // Appendix C1: standard abbreviation, primary (full) name, then commonly used variants.
        addSuffix("ALY", "ALLEY", "ALLEE", "ALLY");
        addSuffix("ANX", "ANEX", "ANNEX", "ANNX");
        addSuffix("ARC", "ARCADE");
        addSuffix("AVE", "AVENUE", "AV", "AVEN", "AVENU", "AVN", "AVNUE");
        addSuffix("BYU", "BAYOU", "BAYOO");
        addSuffix("BCH", "BEACH");
        addSuffix("BND", "BEND");
        addSuffix("BLF", "BLUFF", "BLUF");
        addSuffix("BLVD", "BOULEVARD", "BOUL", "BOULV", "BLV");
        addSuffix("BR", "BRANCH", "BRNCH");
        addSuffix("BRG", "BRIDGE", "BRDGE");
        addSuffix("BRK", "BROOK");
        addSuffix("BYP", "BYPASS", "BYPA", "BYPAS", "BYPS");
        addSuffix("CYN", "CANYON", "CANYN", "CNYN");
        addSuffix("CSWY", "CAUSEWAY", "CAUSWA");
        addSuffix("CTR", "CENTER", "CEN", "CENT", "CENTR", "CENTRE", "CNTER", "CNTR");
        addSuffix("CIR", "CIRCLE", "CIRC", "CIRCL", "CRCL", "CRCLE");
        addSuffix("CLF", "CLIFF");
        addSuffix("CLB", "CLUB");
        addSuffix("CMN", "COMMON");
        addSuffix("CMNS", "COMMONS");
        addSuffix("COR", "CORNER");
        addSuffix("CORS", "CORNERS");
        addSuffix("CRSE", "COURSE");
        addSuffix("CT", "COURT");
        addSuffix("CTS", "COURTS");
        addSuffix("CV", "COVE");
        addSuffix("CRK", "CREEK");
        addSuffix("CRES", "CRESCENT", "CRSENT", "CRSNT");
        addSuffix("CRST", "CREST");
        addSuffix("XING", "CROSSING", "CRSSNG");
        addSuffix("CURV", "CURVE");
        addSuffix("DL", "DALE");
        addSuffix("DR", "DRIVE", "DRIV", "DRV");
        addSuffix("EST", "ESTATE");
        addSuffix("ESTS", "ESTATES");
        addSuffix("EXPY", "EXPRESSWAY", "EXP", "EXPR", "EXPRESS", "EXPW");
        addSuffix("EXT", "EXTENSION", "EXTN", "EXTNSN");
        addSuffix("FLS", "FALLS");
        addSuffix("FLD", "FIELD");
        addSuffix("FLDS", "FIELDS");
        addSuffix("FRST", "FOREST", "FORESTS");
        addSuffix("FWY", "FREEWAY", "FREEWY", "FRWAY", "FRWY");
        addSuffix("GDN", "GARDEN", "GARDN", "GRDEN", "GRDN");
        addSuffix("GDNS", "GARDENS", "GRDNS");
        addSuffix("GTWY", "GATEWAY", "GATEWY", "GATWAY", "GTWAY");
        addSuffix("GLN", "GLEN");
        addSuffix("GRN", "GREEN");
        addSuffix("GRV", "GROVE", "GROV");
        addSuffix("HBR", "HARBOR", "HARB", "HARBR", "HRBOR");
        addSuffix("HVN", "HAVEN");
        addSuffix("HTS", "HEIGHTS", "HT");
        addSuffix("HWY", "HIGHWAY", "HIGHWY", "HIWAY", "HIWY", "HWAY");
        addSuffix("HL", "HILL");
        addSuffix("HLS", "HILLS");
        addSuffix("HOLW", "HOLLOW", "HLLW", "HOLLOWS", "HOLWS");
        addSuffix("IS", "ISLAND", "ISLND");
        addSuffix("JCT", "JUNCTION", "JCTION", "JCTN", "JUNCTN", "JUNCTON");
        addSuffix("KNL", "KNOLL", "KNOL");
        addSuffix("LK", "LAKE");
        addSuffix("LKS", "LAKES");
        addSuffix("LNDG", "LANDING", "LNDNG");
        addSuffix("LN", "LANE");
        addSuffix("LOOP", "LOOP", "LOOPS");
        addSuffix("MALL", "MALL");
        addSuffix("MNR", "MANOR");
        addSuffix("MDWS", "MEADOWS", "MDW", "MEDOWS");
        addSuffix("MEWS", "MEWS");
        addSuffix("ML", "MILL");
        addSuffix("MLS", "MILLS");
        addSuffix("MTN", "MOUNTAIN", "MNTAIN", "MNTN", "MOUNTIN", "MTIN");
        addSuffix("ORCH", "ORCHARD", "ORCHRD");
        addSuffix("OVAL", "OVAL", "OVL");
        addSuffix("PARK", "PARK", "PRK", "PARKS");
        addSuffix("PKWY", "PARKWAY", "PARKWY", "PKWAY", "PKY", "PARKWAYS", "PKWYS");
        addSuffix("PASS", "PASS");
        addSuffix("PATH", "PATH", "PATHS");
        addSuffix("PIKE", "PIKE", "PIKES");
        addSuffix("PNES", "PINES");
        addSuffix("PL", "PLACE");
        addSuffix("PLN", "PLAIN");
        addSuffix("PLNS", "PLAINS");
        addSuffix("PLZ", "PLAZA", "PLZA");
        addSuffix("PT", "POINT");
        addSuffix("PRT", "PORT");
        addSuffix("PR", "PRAIRIE", "PRR");
        addSuffix("RADL", "RADIAL", "RAD", "RADIEL");
        addSuffix("RNCH", "RANCH", "RANCHES", "RNCHS");
        addSuffix("RDG", "RIDGE", "RDGE");
        addSuffix("RIV", "RIVER", "RVR", "RIVR");
        addSuffix("RD", "ROAD");
        addSuffix("RDS", "ROADS");
        addSuffix("RTE", "ROUTE");
        addSuffix("ROW", "ROW");
        addSuffix("RUN", "RUN");
        addSuffix("SHR", "SHORE", "SHOAR");
        addSuffix("SHRS", "SHORES", "SHOARS");
        addSuffix("SKWY", "SKYWAY");
        addSuffix("SPG", "SPRING", "SPNG", "SPRNG");
        addSuffix("SPGS", "SPRINGS", "SPNGS", "SPRNGS");
        addSuffix("SQ", "SQUARE", "SQR", "SQRE", "SQU");
        addSuffix("STA", "STATION", "STATN", "STN");
        addSuffix("STRM", "STREAM", "STREME");
        addSuffix("ST", "STREET", "STRT", "STR");
        addSuffix("STS", "STREETS");
        addSuffix("SMT", "SUMMIT", "SUMIT", "SUMITT");
        addSuffix("TER", "TERRACE", "TERR");
        addSuffix("TRWY", "THROUGHWAY");
        addSuffix("TRCE", "TRACE", "TRACES");
        addSuffix("TRAK", "TRACK", "TRACKS", "TRK", "TRKS");
        addSuffix("TRL", "TRAIL", "TRAILS", "TRLS");
        addSuffix("TUNL", "TUNNEL", "TUNEL", "TUNLS", "TUNNELS", "TUNNL");
        addSuffix("TPKE", "TURNPIKE", "TRNPK", "TURNPK");
        addSuffix("UPAS", "UNDERPASS");
        addSuffix("VLY", "VALLEY", "VALLY", "VLLY");
        addSuffix("VIA", "VIADUCT", "VDCT", "VIADCT");
        addSuffix("VW", "VIEW");
        addSuffix("VLG", "VILLAGE", "VILL", "VILLAG", "VILLG", "VILLIAGE");
        addSuffix("VIS", "VISTA", "VIST", "VST", "VSTA");
        addSuffix("WALK", "WALK", "WALKS");
        addSuffix("WAY", "WAY", "WY");
        addSuffix("WAYS", "WAYS");

        // Appendix C2: designators followed by a number, then those that stand alone.
        addUnit("APT", "APARTMENT", "APPT", "APTMT");
        addUnit("BLDG", "BUILDING", "BLD");
        addUnit("DEPT", "DEPARTMENT");
        addUnit("FL", "FLOOR", "FLR");
        addUnit("LOT");
        addUnit("RM", "ROOM");
        addUnit("SPC", "SPACE");
        addUnit("STE", "SUITE");
        addUnit("TRLR", "TRAILER");
        addUnit("UNIT", "UNT");
        addUnit("#");
        addUnitAlone("BSMT", "BASEMENT");
        addUnitAlone("FRNT", "FRONT");
        addUnitAlone("LBBY", "LOBBY");
        addUnitAlone("LOWR", "LOWER");
        addUnitAlone("OFC", "OFFICE");
        addUnitAlone("PH", "PENTHOUSE");
        addUnitAlone("REAR");
        addUnitAlone("UPPR", "UPPER");

        addDirection("N", "NORTH", "NRTH", "NO");
        addDirection("S", "SOUTH", "STH", "SO");
        addDirection("E", "EAST");
        addDirection("W", "WEST", "WST");
        addDirection("NE", "NORTHEAST");
        addDirection("NW", "NORTHWEST");
        addDirection("SE", "SOUTHEAST");
        addDirection("SW", "SOUTHWEST");
    }

    private UspsAbbreviations() {}

    /** The standard suffix abbreviation ({@code AVENUE}, {@code AV}, {@code AVE} → {@code AVE}), or null. */
    public static String suffix(String token) {
        return SUFFIX.get(token);
    }

    /** The primary (spelled-out) suffix name ({@code AVE}, {@code AV} → {@code AVENUE}), or null. */
    public static String suffixFullName(String token) {
        return SUFFIX_FULL.get(token);
    }

    /** The standard unit designator ({@code APARTMENT} → {@code APT}, {@code #} → {@code #}), or null. */
    public static String unit(String token) {
        return UNIT.get(token);
    }

    /** True for designators that take no number ({@code REAR}, {@code BSMT}, ...), standard form given. */
    public static boolean unitStandsAlone(String standard) {
        return UNIT_WITHOUT_NUMBER.contains(standard);
    }

    /** The one- or two-letter directional ({@code NORTH}, {@code N} → {@code N}), or null. */
    public static String direction(String token) {
        return DIRECTION.get(token);
    }

    private static void addSuffix(String standard, String primary, String... variants) {
        SUFFIX.put(standard, standard);
        SUFFIX.put(primary, standard);
        SUFFIX_FULL.put(standard, primary);
        SUFFIX_FULL.put(primary, primary);
        for (String v : variants) {
            SUFFIX.put(v, standard);
            SUFFIX_FULL.put(v, primary);
        }
    }

    private static void addUnit(String standard, String... variants) {
        UNIT.put(standard, standard);
        for (String v : variants) {
            UNIT.put(v, standard);
        }
    }

    private static void addUnitAlone(String standard, String... variants) {
        addUnit(standard, variants);
        UNIT_WITHOUT_NUMBER.add(standard);
    }

    private static void addDirection(String standard, String... variants) {
        DIRECTION.put(standard, standard);
        for (String v : variants) {
            DIRECTION.put(v, standard);
        }
    }
}
