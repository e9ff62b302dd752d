package org.equitylake.sample;

import java.util.Locale;

/**
 * The kinds of mess the generator plants in program records, each at its own rate. The rate of a
 * kind is a probability per record among the records it can apply to (its base, in {@link #base});
 * every application is written to the truth ({@code records.csv} column {@code mess_kinds}, and the
 * counts in {@code mess_summary.csv}).
 */
public enum MessKind {
    /** A PO box instead of the street address. Base: records of households inside the city. */
    PO_BOX(0.010, "records of households inside the city"),
    /** An address that matches no address point (unknown street, impossible number, "General Delivery"). */
    UNMATCHABLE_ADDRESS(0.010, "records of households inside the city without po_box"),
    /** The household lives outside the city (unincorporated pocket or the county around). */
    OUTSIDE_CITY(0.030, "all records"),
    /** Street type spelled another way or dropped: St / Street / ST. / Str. */
    STREET_TYPE_VARIANT(0.150, "records with a street address"),
    /** Directional spelled another way or dropped: N / North / N. */
    DIRECTIONAL_VARIANT(0.150, "records with a street address"),
    /** Numbered street spelled another way: 1st / First / 1 / 1ST. */
    ORDINAL_VARIANT(0.250, "records with a street address on a numbered street"),
    /** One typing error in the street name. */
    STREET_TYPO(0.040, "records with a street address"),
    /** The unit written into the street line ("#4", "Apt 4", "Unit 4B") and the unit field left empty. */
    UNIT_IN_STREET_LINE(0.300, "records with a street address of a dwelling with a unit"),
    /** Another ZIP code than the address's (neighbouring ZIP, transposed digits, four digits). */
    ZIP_WRONG(0.030, "records without zip_missing"),
    /** ZIP code left empty. */
    ZIP_MISSING(0.030, "all records"),
    /** Street line and city upper-cased, lower-cased or with doubled and trailing spaces. */
    CASE_SPACING_NOISE(0.150, "all records"),
    /** Accents dropped from a name that has them (José to Jose, Nguyễn to Nguyen). */
    ACCENT_VARIANT(0.400, "records whose parent name has accented letters"),
    /** First and last name swapped. */
    NAME_SWAPPED(0.020, "all records"),
    /** A nickname instead of the first name (Robert to Bob, Guadalupe to Lupe). */
    NICKNAME(0.150, "records whose parent first name has a nickname"),
    /** One typing error in the first or last name. */
    NAME_TYPO(0.030, "all records"),
    /** The household registers a second time in the same season, with its own spellings. */
    DUPLICATE_IN_SEASON(0.040, "household-seasons (one applied count per extra record)"),
    /** A date that cannot be: 02/30, month 13, day 0, year 1900 or 2099. */
    IMPOSSIBLE_DATE(0.005, "all records"),
    /** A negative income. */
    INCOME_NEGATIVE(0.003, "records of layouts with a numeric income"),
    /** An absurd income (99999999, a thousand times the truth). */
    INCOME_ABSURD(0.005, "records of layouts with a numeric income without income_negative"),
    /** Household size 0. */
    HOUSEHOLD_SIZE_ZERO(0.005, "all records"),
    /** One or two of phone, email, household size, income, children, birth date, language, race left empty. */
    MISSING_FIELDS(0.020, "all records"),
    /** A row that does not parse: too few fields, an unquoted comma, a line broken in two, a cut JSON line. */
    MALFORMED_ROW(0.002, "records (not the first line of a JSON Lines file)");

    private final double defaultRate;
    private final String base;

    MessKind(double defaultRate, String base) {
        this.defaultRate = defaultRate;
        this.base = base;
    }

    public double defaultRate() {
        return defaultRate;
    }

    /** The records the rate is a share of. */
    public String base() {
        return base;
    }

    /** The name in the truth files and in configuration: {@code po_box}, {@code street_type_variant}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessKind ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
