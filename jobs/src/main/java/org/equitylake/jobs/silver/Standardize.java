package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.initcap;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Native Spark expressions that turn raw bronze text into typed, standard values (null when unreadable). */
public final class Standardize {
    /** "$25,000 - $34,999", "25000 to 34999", "Less than $10,000", "$200,000 or more". */
    private static final String RANGE = "^\\$?\\s*([0-9][0-9,]*)\\s*(?:-|to|–)\\s*\\$?\\s*([0-9][0-9,]*)$";
    private static final String BELOW = "^(?i)(?:less than|under|below)\\s*\\$?\\s*([0-9][0-9,]*)$";
    private static final String ABOVE = "^(?i)\\$?\\s*([0-9][0-9,]*)\\s*(?:or more|and over|\\+)$";
    /** The open top bracket's stand-in midpoint: 1.25 × its floor, as ACS median interpolation caps it. */
    static final double OPEN_TOP_FACTOR = 1.25;

    private Standardize() {}

    /** Trimmed, inner runs of spaces collapsed, empty as null. */
    public static Column text(Column raw) {
        Column t = trim(regexp_replace(raw, "\\s+", " "));
        return when(t.equalTo(""), lit(null).cast("string")).otherwise(t);
    }

    public static Column properCase(Column raw) {
        return properCaseOfText(text(raw));
    }

    /** The variants named ...OfText take a value already through {@link #text}, so a field is trimmed once. */
    static Column properCaseOfText(Column t) {
        return initcap(lower(t));
    }

    /** The first pattern that reads the value; an impossible date (02/30) reads as null. */
    public static Column date(Column raw, List<String> patterns) {
        return dateOfText(text(raw), patterns);
    }

    static Column dateOfText(Column t, List<String> patterns) {
        return coalesce(patterns.stream().map(p -> to_date(t, p)).toArray(Column[]::new));
    }

    /** A plain amount: "$1,234.50", "1234", " 1 234 ", "+37.3848220" (a bracket gives null). */
    public static Column amount(Column raw) {
        return amountOfText(text(raw));
    }

    static Column amountOfText(Column t) {
        Column digits = regexp_replace(t, "[$,+\\s]", "");
        return when(digits.rlike("^-?[0-9]+(\\.[0-9]+)?$"), digits.cast("double"));
    }

    public static Column integer(Column raw) {
        return integerOfText(text(raw));
    }

    static Column integerOfText(Column t) {
        return when(t.rlike("^-?[0-9]+$"), t.cast("int"));
    }

    public static Column isBracket(Column raw) {
        return isBracketOfText(text(raw));
    }

    static Column isBracketOfText(Column t) {
        return coalesce(t.rlike(RANGE).or(t.rlike(BELOW)).or(t.rlike(ABOVE)), lit(false));
    }

    public static Column bracketLow(Column raw) {
        return bracketLowOfText(text(raw));
    }

    static Column bracketLowOfText(Column t) {
        return when(t.rlike(RANGE), number(regexp_extract(t, RANGE, 1)))
                .when(t.rlike(BELOW), lit(0.0))
                .when(t.rlike(ABOVE), number(regexp_extract(t, ABOVE, 1)));
    }

    /** The bracket's top, inclusive; null for the open top bracket. */
    public static Column bracketHigh(Column raw) {
        return bracketHighOfText(text(raw));
    }

    static Column bracketHighOfText(Column t) {
        return when(t.rlike(RANGE), number(regexp_extract(t, RANGE, 2)))
                .when(t.rlike(BELOW), number(regexp_extract(t, BELOW, 1)).minus(1));
    }

    public static Column bracketMidpoint(Column raw) {
        return midpoint(bracketLow(raw), bracketHigh(raw));
    }

    /** The midpoint of a bracket from its low and high ends (high null: the open top bracket). */
    static Column midpoint(Column low, Column high) {
        return when(high.isNotNull(), low.plus(high).divide(2)).otherwise(low.multiply(OPEN_TOP_FACTOR));
    }

    private static Column number(Column digits) {
        return regexp_replace(digits, ",", "").cast("double");
    }

    /** Looks a code up case-insensitively in the mapping; unmapped non-empty codes give {@code unmapped}. */
    public static Column code(Column raw, Map<String, String> mapping, String unmapped) {
        return codeOfText(text(raw), mapping, unmapped);
    }

    static Column codeOfText(Column text, Map<String, String> mapping, String unmapped) {
        Column t = lower(text);
        Column result = null;
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            Column match = t.equalTo(e.getKey().toLowerCase(java.util.Locale.ROOT));
            result = result == null ? when(match, lit(e.getValue())) : result.when(match, lit(e.getValue()));
        }
        Column fallback = when(t.isNull(), lit(null).cast("string")).otherwise(lit(unmapped));
        return result == null ? fallback : result.otherwise(fallback);
    }

    /**
     * Multi-select codes ("ASN;WHT") to one category: a single code maps through the table, two or
     * more distinct categories (Hispanic aside) are multiracial; Hispanic of any race is Hispanic,
     * as the Census Bureau's race/ethnicity tabulations treat it.
     */
    public static Column multiSelect(Column raw, Map<String, String> mapping, String hispanic,
                                     String multiracial, String unmapped) {
        return multiSelectOfText(text(raw), mapping, hispanic, multiracial, unmapped);
    }

    static Column multiSelectOfText(Column text, Map<String, String> mapping, String hispanic,
                                    String multiracial, String unmapped) {
        // "ASN;WHT", "ASN, WHT" and a JSON array ["ASN","WHT"] all read as a list of codes.
        Column listed = regexp_replace(lower(text), "[\\[\\]\"]", "");
        Column codes = functions.split(listed, "\\s*[;,]\\s*");
        Column mapped = functions.array_distinct(functions.transform(codes, c -> code(c, mapping, unmapped)));
        return when(text.isNull(), lit(null).cast("string"))
                .when(functions.array_contains(mapped, hispanic), lit(hispanic))
                .when(functions.size(mapped).gt(1), lit(multiracial))
                .otherwise(mapped.getItem(0));
    }
}
