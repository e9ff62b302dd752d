package org.equitylake.jobs.silver;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The readings Spark runs slowly as Column expressions, as plain Java run once per value: trimming
 * (a regular expression per field), an income (up to a dozen more) and a multi-select code list (a
 * lambda Spark interprets, with a lookup chain inside it).
 */
final class TextParsers {
    /** "$25,000 - $34,999", "25000 to 34999", "Less than $10,000", "$200,000 or more". */
    static final Pattern RANGE = Pattern.compile("^\\$?\\s*([0-9][0-9,]*)\\s*(?:-|to|–)\\s*\\$?\\s*([0-9][0-9,]*)$");
    static final Pattern BELOW = Pattern.compile("^(?i)(?:less than|under|below)\\s*\\$?\\s*([0-9][0-9,]*)$");
    static final Pattern ABOVE = Pattern.compile("^(?i)\\$?\\s*([0-9][0-9,]*)\\s*(?:or more|and over|\\+)$");
    private static final Pattern AMOUNT = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[;,]\\s*");

    static final StructType INCOME = new StructType()
            .add("is_bracket", DataTypes.BooleanType, false)
            .add("amount", DataTypes.DoubleType)
            .add("bracket_low", DataTypes.DoubleType)
            .add("bracket_high", DataTypes.DoubleType);

    private TextParsers() {}

    /** A plain amount: "$1,234.50", "+37.38"; null unless the value, less "$", ",", "+" and spaces, is one number. */
    static Double amount(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '$' && c != ',' && c != '+' && !isRegexSpace(c)) {
                digits.append(c);
            }
        }
        return AMOUNT.matcher(digits).find() ? Double.valueOf(digits.toString()) : null;
    }

    /** An income as (is it a bracket, its amount, the bracket's low end, its inclusive high end). */
    static Row income(String text) {
        if (text == null) {
            return RowFactory.create(false, null, null, null);
        }
        Matcher range = RANGE.matcher(text);
        if (range.find()) {
            return RowFactory.create(true, amount(text), number(range.group(1)), number(range.group(2)));
        }
        Matcher below = BELOW.matcher(text);
        if (below.find()) {
            Double top = number(below.group(1));
            return RowFactory.create(true, amount(text), 0.0, top == null ? null : top - 1);
        }
        Matcher above = ABOVE.matcher(text);
        if (above.find()) {
            return RowFactory.create(true, amount(text), number(above.group(1)), null);
        }
        return RowFactory.create(false, amount(text), null, null);
    }

    /** {@link #collapse}d, and empty as null. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String collapsed = collapse(raw);
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Runs of Java's \s to one space, then spaces trimmed: what Standardize.text does to a value. */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Double number(String digitsAndCommas) {
        String digits = digitsAndCommas.replace(",", "");
        return digits.isEmpty() ? null : Double.valueOf(digits);
    }

    /** Java's \s, which Spark's regular expressions use too. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static UDF1<String, Row> incomeUdf() {
        return TextParsers::income;
    }

    /**
     * Multi-select codes ("ASN;WHT", "ASN, WHT", ["ASN","WHT"]) to one category: see
     * {@link Standardize#multiSelect}. An empty entry ("ASN;") is no selection.
     */
    static final class MultiSelect implements UDF1<String, String> {
        private final Map<String, String> byLowerCode = new LinkedHashMap<>();
        private final String hispanic;
        private final String multiracial;
        private final String unmapped;

        MultiSelect(Map<String, String> mapping, String hispanic, String multiracial, String unmapped) {
            // The first spelling wins, as in Standardize.code's lookup chain.
            mapping.forEach((code, category) -> byLowerCode.putIfAbsent(code.toLowerCase(Locale.ROOT), category));
            this.hispanic = hispanic;
            this.multiracial = multiracial;
            this.unmapped = unmapped;
        }

        @Override
        public String call(String text) {
            if (text == null) {
                return null;
            }
            String listed = text.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "").replace("\"", "");
            Set<String> categories = new LinkedHashSet<>();
            for (String code : LIST_SEPARATOR.split(listed, -1)) {
                String trimmed = collapse(code);
                if (!trimmed.isEmpty()) {
                    categories.add(byLowerCode.getOrDefault(trimmed, unmapped));
                }
            }
            if (categories.isEmpty()) {
                return null;
            }
            if (categories.contains(hispanic)) {
                return hispanic;
            }
            return categories.size() > 1 ? multiracial : categories.iterator().next();
        }
    }
}
