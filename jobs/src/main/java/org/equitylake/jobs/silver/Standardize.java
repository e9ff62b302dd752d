package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.initcap;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Spark expressions that turn raw bronze text into typed, standard values (null when unreadable).
 * Trimming, incomes and multi-selects run as Java ({@link TextParsers}): as native expressions
 * they were regular expressions per field and an interpreted lambda, and standardizing a million
 * bronze rows took 3.3 times as long.
 */
public final class Standardize {
    /** The open top bracket's stand-in midpoint: 1.25 × its floor, as ACS median interpolation caps it. */
    static final double OPEN_TOP_FACTOR = 1.25;

    private static final UserDefinedFunction TEXT = functions.udf((UDF1<String, String>) TextParsers::text, DataTypes.StringType);
    private static final UserDefinedFunction AMOUNT = functions.udf((UDF1<String, Double>) TextParsers::amount, DataTypes.DoubleType);
    private static final UserDefinedFunction INCOME = functions.udf(TextParsers.incomeUdf(), TextParsers.INCOME);

    private Standardize() {}

    /** Trimmed, inner runs of spaces collapsed, empty as null. */
    public static Column text(Column raw) {
        // Cast as the regular expression it replaces did implicitly: bronze JSON and shapefile fields may be numbers.
        return TEXT.apply(raw.cast("string"));
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
        return AMOUNT.apply(t);
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
        return incomeOfText(t).getField("is_bracket");
    }

    /**
     * An income read once: is_bracket, amount, bracket_low, bracket_high. Java, not Column
     * expressions: the patterns took a dozen regular-expression passes per value.
     */
    static Column incomeOfText(Column t) {
        return INCOME.apply(t);
    }

    public static Column bracketLow(Column raw) {
        return bracketLowOfText(text(raw));
    }

    static Column bracketLowOfText(Column t) {
        return incomeOfText(t).getField("bracket_low");
    }

    /** The bracket's top, inclusive; null for the open top bracket. */
    public static Column bracketHigh(Column raw) {
        return bracketHighOfText(text(raw));
    }

    static Column bracketHighOfText(Column t) {
        return incomeOfText(t).getField("bracket_high");
    }

    public static Column bracketMidpoint(Column raw) {
        return midpoint(bracketLow(raw), bracketHigh(raw));
    }

    /** The midpoint of a bracket from its low and high ends (high null: the open top bracket). */
    static Column midpoint(Column low, Column high) {
        return when(high.isNotNull(), low.plus(high).divide(2)).otherwise(low.multiply(OPEN_TOP_FACTOR));
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
        // Java: as a Spark lambda, the lookup chain ran interpreted for every code of every row.
        TextParsers.MultiSelect select = new TextParsers.MultiSelect(mapping, hispanic, multiracial, unmapped);
        return functions.udf(select, DataTypes.StringType).apply(text);
    }
}
