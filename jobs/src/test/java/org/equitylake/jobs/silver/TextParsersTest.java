package org.equitylake.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TextParsersTest {
    @Test
    void incomesReadAsAmountsOrBrackets() {
        assertIncome(TextParsers.income("$1,234.50"), false, 1234.5, null, null);
        assertIncome(TextParsers.income("25000 to 34999"), true, null, 25000.0, 34999.0);
        assertIncome(TextParsers.income("$25,000 – $34,999"), true, null, 25000.0, 34999.0);
        assertIncome(TextParsers.income("Less than $10,000"), true, null, 0.0, 9999.0);
        assertIncome(TextParsers.income("UNDER 15000"), true, null, 0.0, 14999.0);
        assertIncome(TextParsers.income("$200,000 and over"), true, null, 200000.0, null);
        assertIncome(TextParsers.income("$150,000+"), true, 150000.0, 150000.0, null);
        assertIncome(TextParsers.income("about 40k"), false, null, null, null);
        assertIncome(TextParsers.income(null), false, null, null, null);
    }

    @Test
    void amountsIgnoreCurrencyMarksAndSpacesButNothingElse() {
        assertEquals(-300.0, TextParsers.amount("-300"));
        assertEquals(1234.5, TextParsers.amount("$ 1 234.50"));
        assertEquals(37.384822, TextParsers.amount("+37.3848220"));
        assertNull(TextParsers.amount("12.5.1"));
        assertNull(TextParsers.amount("1e5"));
        assertNull(TextParsers.amount(""));
    }

    @Test
    void collapseTurnsEveryWhitespaceRunIntoOneSpace() {
        assertEquals("12 Elm St", TextParsers.collapse(" \t12  Elm\n St \r"));
        assertEquals("a\u00A0b", TextParsers.collapse("a\u00A0b"), "a no-break space is not Java's \\s");
        assertEquals("", TextParsers.collapse("  "));
    }

    @Test
    void multiSelectCountsOnlyTheCodesGiven() {
        TextParsers.MultiSelect select = new TextParsers.MultiSelect(
                Map.of("ASN", "asian", "asian", "asian", "wht", "white", "his", "hispanic", "asian american", "asian"),
                "hispanic", "multiracial", "unknown");
        assertEquals("asian", select.call("asn;"), "a trailing separator is not a second choice");
        assertEquals("asian", select.call("[\"asian  \" , \"ASN\"]"), "two spellings of one category");
        assertEquals("asian", select.call("asian \"\" american"), "quotes removed, spaces collapsed");
        assertEquals("multiracial", select.call("asn, wht"));
        assertEquals("multiracial", select.call("asn;martian"), "an unknown second code is still a second race");
        assertEquals("hispanic", select.call("wht;asn;his"));
        assertNull(select.call("[]"));
        assertNull(select.call(null));
    }

    private static void assertIncome(Row income, boolean isBracket, Double amount, Double low, Double high) {
        assertEquals(isBracket, income.getBoolean(0), "is_bracket");
        assertEquals(amount, income.get(1), "amount");
        assertEquals(low, income.get(2), "bracket_low");
        assertEquals(high, income.get(3), "bracket_high");
    }
}
