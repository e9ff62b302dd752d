package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

class StandardizeTest {
    private final SparkSession spark = SparkTestSession.get();

    private Object one(String raw, Column expression) {
        Row r = spark.sql("SELECT " + (raw == null ? "CAST(NULL AS STRING)" : "'" + raw.replace("'", "\\'") + "'") + " AS raw")
                .select(expression).first();
        return r.isNullAt(0) ? null : r.get(0);
    }

    @Test
    void datesOfEveryLayoutAndImpossibleOnesAreNull() {
        List<String> formats = List.of("MM/dd/yyyy", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssXXX");
        assertEquals("2016-09-03", String.valueOf(one("09/03/2016", Standardize.date(col("raw"), formats))));
        assertEquals("2023-01-31", String.valueOf(one(" 2023-01-31 ", Standardize.date(col("raw"), formats))));
        assertEquals("2021-11-26", String.valueOf(one("2021-11-26T15:50:26-08:00", Standardize.date(col("raw"), formats))));
        assertNull(one("02/30/2019", Standardize.date(col("raw"), formats)));
        assertNull(one("13/01/2019", Standardize.date(col("raw"), formats)));
        assertNull(one("", Standardize.date(col("raw"), formats)));
    }

    @Test
    void amountsAndIncomeBrackets() {
        assertEquals(1234.5, one("$1,234.50", Standardize.amount(col("raw"))));
        assertEquals(-300.0, one("-300", Standardize.amount(col("raw"))));
        assertEquals(37.384822, one("+37.3848220", Standardize.amount(col("raw"))), "TIGER writes latitudes with a sign");
        assertNull(one("$25,000 - $34,999", Standardize.amount(col("raw"))));
        assertEquals(true, one("$25,000 - $34,999", Standardize.isBracket(col("raw"))));
        assertEquals(25000.0, one("$25,000 - $34,999", Standardize.bracketLow(col("raw"))));
        assertEquals(34999.0, one("$25,000 - $34,999", Standardize.bracketHigh(col("raw"))));
        assertEquals(29999.5, one("$25,000 - $34,999", Standardize.bracketMidpoint(col("raw"))));
        assertEquals(0.0, one("Under $15,000", Standardize.bracketLow(col("raw"))));
        assertEquals(14999.0, one("Under $15,000", Standardize.bracketHigh(col("raw"))));
        assertNull(one("$150,000 or more", Standardize.bracketHigh(col("raw"))));
        assertEquals(187500.0, one("$150,000 or more", Standardize.bracketMidpoint(col("raw"))));
        assertEquals(false, one("42000", Standardize.isBracket(col("raw"))));
    }

    @Test
    void codesMapCaseInsensitivelyAndTheUnknownIsSaid() {
        Map<String, String> status = Map.of("ENRL", "enrolled", "Waitlisted", "waitlisted");
        assertEquals("enrolled", one(" enrl ", Standardize.code(col("raw"), status, "unmapped")));
        assertEquals("waitlisted", one("WAITLISTED", Standardize.code(col("raw"), status, "unmapped")));
        assertEquals("unmapped", one("PEND", Standardize.code(col("raw"), status, "unmapped")));
        assertNull(one("", Standardize.code(col("raw"), status, "unmapped")));
    }

    @Test
    void raceAndEthnicityFromFreeTextSingleChoiceAndMultiSelect() {
        Map<String, String> race = Map.of("asn", "asian", "wht", "white", "his", "hispanic", "caucasian", "white",
                "hispanic or latino", "hispanic", "decline to state", "declined");
        Column standard = Standardize.multiSelect(col("raw"), race, "hispanic", "multiracial", "unknown");
        assertEquals("white", one("Caucasian", standard));
        assertEquals("hispanic", one("Hispanic or Latino", standard));
        assertEquals("multiracial", one("ASN;WHT", standard));
        assertEquals("hispanic", one("HIS;WHT", standard), "Hispanic of any race is Hispanic");
        assertEquals("asian", one("[\"ASN\"]", standard), "a JSON array");
        assertEquals("multiracial", one("[\"ASN\",\"WHT\"]", standard));
        assertEquals("declined", one("Decline to State", standard));
        assertEquals("unknown", one("Martian", standard));
        assertEquals("asian", one("ASN;", standard), "a trailing separator is not a second choice");
        assertNull(one(null, standard));
    }

    @Test
    void phonesAndEmails() {
        assertEquals("4085550134", one("(408) 555-0134", Registrations.phone(col("raw"))));
        assertEquals("4085550134", one("+14085550134", Registrations.phone(col("raw"))));
        assertNull(one("555-0134", Registrations.phone(col("raw"))));
        assertEquals("ana.diaz@example.com", one(" Ana.Diaz@Example.com ", Registrations.email(col("raw"))));
        assertNull(one("not an email", Registrations.email(col("raw"))));
    }
}
