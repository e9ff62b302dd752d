package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ACS tables agree with the population they were sampled from, within their margins of error. */
class AcsTablesTest {
    private static final double RATE = SampleCityParameters.defaults().acsSamplingRate();
    private static SampleCities.City city;
    private static List<Map<String, String>> households;
    private static Map<String, Demography.Language> languages = new HashMap<>();

    @BeforeAll
    static void load() {
        city = SampleCities.defaultCity();
        households = TestCsv.rows(city.truth().resolve("households.csv"));
        for (Demography.Language l : Demography.Language.values()) {
            languages.put(l.code, l);
        }
    }

    /** geoid to [table][line] true counts in the year. */
    private static Map<String, long[][]> truthCounts(int year) {
        Map<String, long[][]> counts = new HashMap<>();
        for (Map<String, String> h : households) {
            long[][] c = counts.computeIfAbsent(h.get("tract_geoid"), g -> {
                long[][] t = new long[AcsTables.COUNT_TABLES][];
                for (int k = 0; k < t.length; k++) {
                    t[k] = new long[AcsTables.TABLES.get(k).lines().size()];
                }
                return t;
            });
            int[][] lines = AcsTables.lines(Integer.parseInt(h.get("size")), Integer.parseInt(h.get("children")),
                    Boolean.parseBoolean(h.get("is_family")), Demography.Race.valueOf(h.get("race_ethnicity")),
                    languages.get(h.get("language")), Boolean.parseBoolean(h.get("is_limited_english")),
                    Long.parseLong(h.get("income_" + year)));
            for (int k = 0; k < lines.length; k++) {
                for (int line : lines[k]) {
                    c[k][line]++;
                }
            }
        }
        return counts;
    }

    @Test
    void countEstimatesAreWithinTheirMarginsOfThePopulation() {
        long cells = 0;
        long within = 0;
        long largeCells = 0;
        long largeWithin = 0;
        long estimatedTotal = 0;
        long trueTotal = 0;
        Path acs = city.landing().resolve("reference/acs");
        for (int year = 2016; year <= 2025; year++) {
            Map<String, long[][]> truth = truthCounts(year);
            for (int k = 0; k < AcsTables.COUNT_TABLES; k++) {
                String table = AcsTables.TABLES.get(k).id();
                List<List<String>> rows = TestCsv.read(AcsTables.file(acs, year, table));
                for (List<String> row : rows.subList(2, rows.size())) {
                    long[][] tract = truth.get(row.get(0).substring(9));
                    long[] t = tract == null ? new long[AcsTables.TABLES.get(k).lines().size()] : tract[k];
                    for (int line = 0; line < AcsTables.TABLES.get(k).lines().size(); line++) {
                        long est = Long.parseLong(row.get(2 + 2 * line));
                        long moe = Long.parseLong(row.get(3 + 2 * line));
                        long diff = Math.abs(est - t[line]);
                        // No absurd cell: within six standard errors of the true count (Poisson sampling, weights near 1/rate).
                        double trueSe = Math.sqrt((1 - RATE) / RATE * 1.3 * Math.max(1, t[line]));
                        assertTrue(diff <= 6 * trueSe, table + " " + year + " " + row.get(0) + " line " + (line + 1)
                                + ": estimate " + est + " +/- " + moe + ", truth " + t[line]);
                        cells++;
                        within += diff <= moe ? 1 : 0;
                        if (t[line] >= 100) {
                            largeCells++;
                            largeWithin += diff <= moe ? 1 : 0;
                        }
                        if (line == 0) {
                            estimatedTotal += est;
                            trueTotal += t[line];
                        }
                    }
                }
            }
        }
        double coverage = within / (double) cells;
        double largeCoverage = largeWithin / (double) largeCells;
        assertTrue(coverage >= 0.85, "share of cells within their 90 % margin: " + coverage);
        assertTrue(largeCoverage >= 0.82 && largeCoverage <= 0.96, "share of cells of 100+ households within their 90 % margin: " + largeCoverage);
        assertEquals(trueTotal, estimatedTotal, trueTotal * 0.02, "households, all tables and years");
    }

    @Test
    void medianIncomesAreWithinTheirMargins() {
        long cells = 0;
        long within = 0;
        Path acs = city.landing().resolve("reference/acs");
        for (int year = 2016; year <= 2025; year++) {
            Map<String, List<Long>> incomes = new HashMap<>();
            for (Map<String, String> h : households) {
                incomes.computeIfAbsent(h.get("tract_geoid"), g -> new ArrayList<>()).add(Long.parseLong(h.get("income_" + year)));
            }
            List<List<String>> rows = TestCsv.read(AcsTables.file(acs, year, "B19013"));
            for (List<String> row : rows.subList(2, rows.size())) {
                if (!row.get(2).matches("[0-9]+")) {
                    continue;
                }
                long[] sorted = incomes.get(row.get(0).substring(9)).stream().mapToLong(Long::longValue).sorted().toArray();
                double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
                long est = Long.parseLong(row.get(2));
                long moe = Long.parseLong(row.get(3));
                if (sorted.length >= 200) {
                    assertTrue(Math.abs(est - median) <= 4 * moe + 5000, year + " " + row.get(0) + ": " + est + " +/- " + moe + " vs " + median);
                }
                cells++;
                within += Math.abs(est - median) <= moe ? 1 : 0;
            }
        }
        assertTrue(cells > 1000);
        assertTrue(within / (double) cells >= 0.75, "medians within their margin: " + within / (double) cells);
    }

    @Test
    void mediansBySizeFollowThePopulationsIncomeGradient() {
        Path acs = city.landing().resolve("reference/acs");
        int year = 2024;
        Map<String, List<Long>> incomes = new HashMap<>();
        for (Map<String, String> h : households) {
            int size = Math.min(7, Integer.parseInt(h.get("size")));
            incomes.computeIfAbsent(h.get("tract_geoid") + "/" + size, g -> new ArrayList<>()).add(Long.parseLong(h.get("income_" + year)));
        }
        List<List<String>> rows = TestCsv.read(AcsTables.file(acs, year, "B19019"));
        assertEquals("B19019_008E", rows.get(0).get(2 + 2 * 7));
        // Household-weighted means over tracts of the published and the true median, by size.
        double[] estimated = new double[8];
        double[] truth = new double[8];
        double[] weight = new double[8];
        long cells = 0;
        long within = 0;
        for (List<String> row : rows.subList(2, rows.size())) {
            for (int size = 1; size <= 7; size++) {
                String est = row.get(2 + 2 * size);
                List<Long> trueIncomes = incomes.get(row.get(0).substring(9) + "/" + size);
                if (est.equals("-") || trueIncomes == null) {
                    continue;
                }
                long[] sorted = trueIncomes.stream().mapToLong(Long::longValue).sorted().toArray();
                double median = Math.min(AcsTables.MEDIAN_TOP_CODE, sorted[sorted.length / 2]);
                // A top-coded median counts at its bound: leaving it out would bias the mean down.
                estimated[size] += Long.parseLong(est.replaceAll("[^0-9]", "")) * sorted.length;
                truth[size] += median * sorted.length;
                weight[size] += sorted.length;
                // Small cells' margins are rough (the 50 % proportion's standard error on a few sampled households).
                if (sorted.length >= 100 && est.matches("[0-9]+")) {
                    cells++;
                    within += Math.abs(Long.parseLong(est) - median) <= Long.parseLong(row.get(3 + 2 * size)) ? 1 : 0;
                }
            }
        }
        System.out.println("B19019 medians of 100+ households within their margin: " + within / (double) cells + " of " + cells);
        for (int size = 1; size <= 7; size++) {
            System.out.printf("size %d: published %.0f, true %.0f%n", size, estimated[size] / weight[size], truth[size] / weight[size]);
        }
        assertTrue(within / (double) cells >= 0.75, "size medians within their margin: " + within / (double) cells);
        for (int size = 1; size <= 5; size++) {
            assertEquals(1, estimated[size] / truth[size], 0.1, size + "-person medians against the truth's");
        }
        // The generator's households earn more with each member up to five: the table must show it.
        assertTrue(estimated[4] / weight[4] > 1.1 * estimated[1] / weight[1], "4-person households earn more than 1-person ones");
    }

    @Test
    void filesFollowTheCensusLayout() {
        List<List<String>> rows = TestCsv.read(AcsTables.file(city.landing().resolve("reference/acs"), 2019, "B19001"));
        assertEquals(List.of("GEO_ID", "NAME", "B19001_001E", "B19001_001M"), rows.get(0).subList(0, 4));
        assertEquals(2 + 2 * 17, rows.get(0).size());
        assertEquals("Estimate!!Total:!!Less than $10,000", rows.get(1).get(4));
        assertTrue(rows.get(2).get(0).matches("1400000US06999[0-9]{6}"));
        assertTrue(rows.get(2).get(1).matches("Census Tract [0-9.]+, Costa Verde County, California"), rows.get(2).get(1));
        List<List<String>> later = TestCsv.read(AcsTables.file(city.landing().resolve("reference/acs"), 2023, "B19001"));
        assertTrue(later.get(2).get(1).contains("; Costa Verde County; California"), "the 2022+ releases separate with semicolons");
        assertTrue(Arrays.asList(new String[] {"B19001", "B11016", "B11005", "B11001", "C16002", "B19013", "B19019"})
                .equals(AcsTables.TABLES.stream().map(AcsTables.Table::id).toList()));
    }
}
