package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of mess appears at its configured rate, is recorded in the truth, and is visible in the landing files. */
class MessRatesTest {
    private static SampleCities.City city;
    private static Truth truth;
    private static List<Map<String, String>> summary;

    /** Per childcare layout version: the column of each checked field. */
    private static final Map<String, Map<String, String>> COLUMNS = Map.of(
            "1", Map.of("zip", "Zip", "size", "HH Size", "street", "Street Address", "unit", "Apt #", "income", "Annual Income"),
            "2", Map.of("zip", "ZIP Code", "size", "Household Size", "street", "Address Line 1", "unit", "Address Line 2",
                    "income", "Annual Household Income"),
            "3", Map.of("zip", "zip", "size", "household_size", "street", "street_address", "unit", "unit", "income", "annual_income"));
    private static final Pattern PO_BOX = Pattern.compile("(?i)^\\s*(p\\.?\\s*o\\.?\\s*box|pob|post\\s+office\\s+box)\\b.*");

    @BeforeAll
    static void load() {
        city = SampleCities.defaultCity();
        truth = new Truth(city.truth());
        summary = TestCsv.rows(city.truth().resolve("mess_summary.csv"));
    }

    @Test
    void everyKindAppearsAtItsConfiguredRate() {
        SampleCityParameters p = SampleCityParameters.defaults();
        for (MessKind k : MessKind.values()) {
            Map<String, String> row = summary.stream()
                    .filter(r -> r.get("stream").equals("childcare_registrations") && r.get("mess_kind").equals(k.code()))
                    .findFirst().orElseThrow(() -> new AssertionError(k.code() + " is missing from mess_summary.csv"));
            long n = Long.parseLong(row.get("applicable"));
            long applied = Long.parseLong(row.get("applied"));
            double rate = p.messRate(k);
            double observed = applied / (double) n;
            // Four binomial standard errors, plus a little for the rarest kinds.
            double tolerance = 4 * Math.sqrt(rate * (1 - rate) / n) + 0.001;
            assertTrue(n >= 1000, k.code() + " applies to only " + n + " records");
            assertTrue(applied > 0, k.code() + " never applied");
            assertEquals(rate, observed, tolerance, k.code() + ": " + applied + " of " + n);
        }
    }

    @Test
    void summaryCountsAreTheRecordsMarkedInTheTruth() {
        for (MessKind k : MessKind.values()) {
            long marked = truth.records.stream().filter(r -> r.get("program").equals("childcare") && Truth.has(r, k.code())).count();
            long applied = summary.stream().filter(r -> r.get("stream").equals("childcare_registrations") && r.get("mess_kind").equals(k.code()))
                    .mapToLong(r -> Long.parseLong(r.get("applied"))).sum();
            assertEquals(applied, marked, k.code());
        }
    }

    @Test
    void markedMessIsVisibleInTheLandingFiles() {
        Map<String, Integer> seen = new HashMap<>();
        for (Map<String, String> f : TestCsv.rows(city.truth().resolve("files.csv"))) {
            if (!f.get("entity").equals("registrations") || !f.get("file_mess").isEmpty()) {
                continue;
            }
            Map<String, String> col = COLUMNS.get(f.get("layout_version"));
            for (Map<String, String> row : TestCsv.rows(city.landing().resolve(f.get("file")))) {
                Map<String, String> r = truth.byRecord.get(Truth.key("childcare", "registrations", row.values().iterator().next()));
                if (Truth.has(r, "malformed_row")) {
                    continue;
                }
                check(seen, "zip_missing", Truth.has(r, "zip_missing"), row.get(col.get("zip")).isEmpty());
                check(seen, "household_size_zero", Truth.has(r, "household_size_zero"), row.get(col.get("size")).equals("0"));
                check(seen, "po_box", Truth.has(r, "po_box"), PO_BOX.matcher(row.get(col.get("street"))).matches());
                check(seen, "outside_city", Truth.has(r, "outside_city"), r.get("is_in_city").equals("false"));
                if (!f.get("layout_version").equals("1")) {
                    check(seen, "income_negative", Truth.has(r, "income_negative"), row.get(col.get("income")).startsWith("-"));
                }
                if (Truth.has(r, "unit_in_street_line")) {
                    assertTrue(row.get(col.get("unit")).isEmpty(), "unit field of " + r.get("record_id"));
                    seen.merge("unit_in_street_line", 1, Integer::sum);
                }
            }
        }
        for (String k : List.of("zip_missing", "household_size_zero", "po_box", "outside_city", "income_negative", "unit_in_street_line")) {
            assertTrue(seen.getOrDefault(k, 0) > 10, k + " seen " + seen.get(k) + " times");
        }
    }

    private static void check(Map<String, Integer> seen, String kind, boolean marked, boolean visible) {
        assertEquals(marked, visible, kind);
        if (marked) {
            seen.merge(kind, 1, Integer::sum);
        }
    }

    @Test
    void filesArePlantedWithAnUnknownHeaderAndAsADuplicateDelivery() throws IOException {
        long unknown = truth.files.values().stream().filter(f -> f.get("file_mess").equals("unknown_header")).count();
        assertEquals(SampleCityParameters.defaults().unknownHeaderFiles(), unknown);
        List<Map<String, String>> duplicates = truth.files.values().stream().filter(f -> f.get("file_mess").equals("duplicate_file")).toList();
        assertEquals(2, duplicates.size(), "one per program");
        for (Map<String, String> d : duplicates) {
            Path copy = city.landing().resolve(d.get("file"));
            Path original = city.landing().resolve(d.get("duplicate_of"));
            assertTrue(!copy.getFileName().equals(original.getFileName()));
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), d.get("file"));
        }
        long malformed = truth.files.values().stream().mapToLong(f -> Long.parseLong(f.get("malformed_records"))).sum();
        assertTrue(malformed > 0, "some records are malformed");
    }
}
