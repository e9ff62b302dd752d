package org.equitylake.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ACS-style 5-year tract tables drawn from the population as the survey draws them: each year a
 * sample of about {@code acsSamplingRate} of households (inclusion probabilities vary a little, as
 * response does), Horvitz-Thompson weighted totals, and margins of error at 90 % (1.645 standard
 * errors, the Census Bureau's convention). Files follow the data.census.gov download layout:
 * {@code GEO_ID, NAME}, then an estimate ({@code E}) and margin ({@code M}) column per line, and a
 * second row of labels.
 */
final class AcsTables {
    static final double Z90 = 1.645;
    static final long[] INCOME_BRACKET_UPPER = {10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000, 50_000,
        60_000, 75_000, 100_000, 125_000, 150_000, 200_000, Long.MAX_VALUE};
    static final int MEDIAN_TOP_CODE = 250_000;

    record Table(String id, String universe, List<String> lines) {}

    static final List<Table> TABLES = List.of(
            new Table("B19001", "Household income in the past 12 months", incomeLines()),
            new Table("B11016", "Household type by household size", List.of("Total:", "Total:!!Family households:",
                    "Total:!!Family households:!!2-person household", "Total:!!Family households:!!3-person household",
                    "Total:!!Family households:!!4-person household", "Total:!!Family households:!!5-person household",
                    "Total:!!Family households:!!6-person household", "Total:!!Family households:!!7-or-more person household",
                    "Total:!!Nonfamily households:", "Total:!!Nonfamily households:!!1-person household",
                    "Total:!!Nonfamily households:!!2-person household", "Total:!!Nonfamily households:!!3-person household",
                    "Total:!!Nonfamily households:!!4-person household", "Total:!!Nonfamily households:!!5-person household",
                    "Total:!!Nonfamily households:!!6-person household", "Total:!!Nonfamily households:!!7-or-more person household")),
            new Table("B11005", "Households by presence of people under 18 years", List.of("Total:",
                    "Total:!!Households with one or more people under 18 years", "Total:!!Households with no people under 18 years")),
            new Table("B11001", "Households by race and Hispanic origin of householder", raceLines()),
            new Table("C16002", "Household language by household limited English speaking status", languageLines()),
            new Table("B19013", "Median household income in the past 12 months", List.of(
                    "Median household income in the past 12 months (in inflation-adjusted dollars)")),
            new Table("B19019", "Median household income in the past 12 months by household size", List.of(
                    "Total:", "Total:!!1-person households", "Total:!!2-person households", "Total:!!3-person households",
                    "Total:!!4-person households", "Total:!!5-person households", "Total:!!6-person households",
                    "Total:!!7-or-more-person households")));
    /** The tables before this index are counts; the rest are medians. */
    static final int COUNT_TABLES = 5;

    private AcsTables() {}

    private static List<String> incomeLines() {
        List<String> l = new ArrayList<>(List.of("Total:", "Total:!!Less than $10,000"));
        long low = 10_000;
        for (int b = 1; b < INCOME_BRACKET_UPPER.length - 1; b++) {
            l.add(String.format(Locale.ROOT, "Total:!!$%,d to $%,d", low, INCOME_BRACKET_UPPER[b] - 1));
            low = INCOME_BRACKET_UPPER[b];
        }
        l.add("Total:!!$200,000 or more");
        return l;
    }

    private static List<String> raceLines() {
        List<String> l = new ArrayList<>(List.of("Total:"));
        for (Demography.Race r : Demography.Race.values()) {
            l.add("Total:!!" + r.acsLabel);
        }
        return l;
    }

    private static List<String> languageLines() {
        List<String> l = new ArrayList<>(List.of("Total:", "Total:!!English only"));
        for (int g = 1; g < Demography.LANGUAGE_GROUPS.length; g++) {
            String group = "Total:!!" + Demography.LANGUAGE_GROUPS[g] + ":";
            l.add(group);
            l.add(group + "!!Limited English speaking household");
            l.add(group + "!!Not a limited English speaking household");
        }
        return l;
    }

    /** The 0-based line of each count table a household falls in (total first); used by the survey and by tests. */
    static int[][] lines(int members, int children, boolean family, Demography.Race race, Demography.Language language,
                         boolean limited, long income) {
        int bracket = 0;
        while (income >= INCOME_BRACKET_UPPER[bracket]) {
            bracket++;
        }
        int size = Math.min(7, members);
        int[] type = family ? new int[] {0, 1, 2 + size - 2} : new int[] {0, 8, 9 + size - 1};
        int group = language.group;
        int[] lang = group == 0 ? new int[] {0, 1} : new int[] {0, 2 + (group - 1) * 3, 2 + (group - 1) * 3 + (limited ? 1 : 2)};
        return new int[][] {{0, 1 + bracket}, type, {0, children > 0 ? 1 : 2}, {0, 1 + race.ordinal()}, lang};
    }

    static String geographyName(Tract t, int year) {
        String sep = year >= 2022 ? "; " : ", ";
        return "Census Tract " + t.name() + sep + Tract.COUNTY_NAME + sep + Tract.STATE_NAME;
    }

    static Path file(Path dir, int year, String table) {
        return dir.resolve("ACSDT5Y" + year + "." + table + "-Data.csv");
    }

    /** Writes every table for every year; returns the number of files. */
    static int write(Path dir, Population pop, List<Tract> tracts, int firstYear, int lastYear, long seed, double rate) {
        int files = 0;
        for (int year = firstYear; year <= lastYear; year++) {
            AcsSample sample = AcsSample.draw(pop, tracts.size(), year, seed, rate);
            for (int t = 0; t < TABLES.size(); t++) {
                writeTable(dir, year, t, tracts, sample, rate);
                files++;
            }
        }
        return files;
    }

    private static void writeTable(Path dir, int year, int t, List<Tract> tracts, AcsSample sample, double rate) {
        Table table = TABLES.get(t);
        try (CsvWriter w = new CsvWriter(file(dir, year, table.id()))) {
            List<String> header = new ArrayList<>(List.of("GEO_ID", "NAME"));
            List<String> labels = new ArrayList<>(List.of("Geography", "Geographic Area Name"));
            for (int line = 0; line < table.lines().size(); line++) {
                header.add(String.format(Locale.ROOT, "%s_%03dE", table.id(), line + 1));
                header.add(String.format(Locale.ROOT, "%s_%03dM", table.id(), line + 1));
                labels.add("Estimate!!" + table.lines().get(line));
                labels.add("Margin of Error!!" + table.lines().get(line));
            }
            w.row(header);
            w.row(labels);
            long zeroMoe = Math.round(Z90 * Math.sqrt((1 - rate) / (rate * rate)));
            for (Tract tract : tracts) {
                List<String> row = new ArrayList<>(List.of(tract.acsGeoId(), geographyName(tract, year)));
                if (t >= COUNT_TABLES) {
                    // B19013 is the median of all households; B19019's lines are all, then sizes 1 to 7+.
                    for (int line = 0; line < table.lines().size(); line++) {
                        row.addAll(sample.median(tract.index(), line, rate));
                    }
                } else {
                    for (int line = 0; line < table.lines().size(); line++) {
                        double est = sample.estimate(tract.index(), t, line);
                        double var = sample.variance(tract.index(), t, line);
                        row.add(Long.toString(Math.round(est)));
                        row.add(Long.toString(est == 0 ? zeroMoe : Math.round(Z90 * Math.sqrt(var))));
                    }
                }
                w.row(row);
            }
        }
    }
}
