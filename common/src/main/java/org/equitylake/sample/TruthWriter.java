package org.equitylake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The answer key, written apart from the landing zone and never read by the pipeline: what every
 * record really is (records.csv), every household (households.csv), every file (files.csv), the
 * true eligible and participating households per tract and year (tract_year_eligible.csv), the
 * tracts' planted traits (tracts.csv), the mess counts (mess_summary.csv) and the parameters.
 */
final class TruthWriter implements Closeable {
    private final Path dir;
    private final Population pop;
    private final List<Tract> tracts;
    private final int firstYear;
    private final int lastYear;
    private final CsvWriter records;
    private final List<String[]> files = new ArrayList<>();
    /** [program][year - firstYear][tract][column] with columns as in {@link #TRACT_YEAR_COUNTS}. */
    private final long[][][][] tractYear;
    private static final String[] TRACT_YEAR_COUNTS = {"households_in_scope", "households_in_scope_in_city",
        "eligible_households", "eligible_households_in_city", "applicant_households", "awarded_households",
        "eligible_awarded_households", "over_limit_awarded_households"};

    TruthWriter(Path dir, Population pop, List<Tract> tracts, int firstYear, int lastYear) {
        this.dir = dir;
        this.pop = pop;
        this.tracts = tracts;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.tractYear = new long[Program.values().length][lastYear - firstYear + 1][tracts.size()][TRACT_YEAR_COUNTS.length];
        this.records = new CsvWriter(dir.resolve("records.csv"));
        records.row("program", "entity", "record_id", "related_record_id", "source_file", "source_record", "layout_version",
                "year", "household_id", "episode_id", "address_point_id", "tract_geoid", "is_in_city", "is_matchable",
                "is_eligible", "is_awarded", "is_over_limit_award", "mess_kinds");
    }

    void countHousehold(Program program, int year, int tract, boolean inCity, boolean eligible) {
        long[] c = tractYear[program.ordinal()][year - firstYear][tract];
        c[0]++;
        c[1] += inCity ? 1 : 0;
        c[2] += eligible ? 1 : 0;
        c[3] += eligible && inCity ? 1 : 0;
    }

    void countApplicant(Program program, int year, int tract, boolean eligible, boolean awarded) {
        long[] c = tractYear[program.ordinal()][year - firstYear][tract];
        c[4]++;
        c[5] += awarded ? 1 : 0;
        c[6] += awarded && eligible ? 1 : 0;
        c[7] += awarded && !eligible ? 1 : 0;
    }

    void record(Program program, String entity, String recordId, String related, String sourceFile, int sourceRecord,
                int layoutVersion, int year, int h, boolean eligible, boolean awarded, EnumSet<MessKind> kinds, String fileMess) {
        StringJoiner mess = new StringJoiner(";");
        kinds.forEach(k -> mess.add(k.code()));
        if (!fileMess.isEmpty()) {
            mess.add(fileMess);
        }
        boolean inCity = pop.inCity(h);
        boolean matchable = inCity && !kinds.contains(MessKind.PO_BOX) && !kinds.contains(MessKind.UNMATCHABLE_ADDRESS);
        records.row(program.code, entity, recordId, related, sourceFile, Integer.toString(sourceRecord),
                Integer.toString(layoutVersion), Integer.toString(year), pop.id(h),
                program.code + "-" + year + "-" + pop.id(h), pop.book().addressId(pop.dwelling[h]),
                tracts.get(pop.tract(h)).geoid(), bool(inCity), bool(matchable), bool(eligible), bool(awarded),
                bool(awarded && !eligible), mess.toString());
    }

    void file(String path, Program program, String entity, int layoutVersion, LocalDate exportDate, int recordCount,
              int malformed, String fileMess, String duplicateOf) {
        files.add(new String[] {path, program.code, entity, Integer.toString(layoutVersion), exportDate.toString(),
            Integer.toString(recordCount), Integer.toString(malformed), fileMess, duplicateOf});
    }

    void writeHouseholds(TakeUpModel model, Districts.Plan districts) {
        try (CsvWriter w = new CsvWriter(dir.resolve("households.csv"))) {
            List<String> header = new ArrayList<>(List.of("household_id", "address_point_id", "is_in_city", "longitude",
                    "latitude", "tract_geoid", "council_district", "street_line", "unit_type", "unit_number", "zip", "size",
                    "children", "is_family", "race_ethnicity", "race_codes", "language", "is_limited_english",
                    "first_name", "last_name"));
            for (int y = firstYear; y <= lastYear; y++) {
                header.add("income_" + y);
            }
            header.add("childcare_eligible_years");
            header.add("housing_grant_eligible_years");
            w.row(header);
            AddressBook book = pop.book();
            for (int h = 0; h < pop.size; h++) {
                int d = pop.dwelling[h];
                List<String> row = new ArrayList<>(List.of(pop.id(h), book.addressId(d), bool(pop.inCity(h)),
                        LocalFrame.format(book.lon(d)), LocalFrame.format(book.lat(d)), tracts.get(pop.tract(h)).geoid(),
                        pop.inCity(h) ? Integer.toString(districts.districtOfTract()[pop.tract(h)]) : "",
                        book.streetLine(d), book.unitType(d), book.unitNumber(d), book.zip(d),
                        Integer.toString(pop.members[h]), Integer.toString(pop.children[h]), bool(pop.family[h]),
                        pop.race(h).name(), pop.raceCodes(h), pop.language(h).code, bool(pop.limitedEnglish[h]),
                        pop.firstName(h), pop.lastName(h)));
                StringJoiner childcare = new StringJoiner(";");
                StringJoiner housing = new StringJoiner(";");
                for (int y = firstYear; y <= lastYear; y++) {
                    row.add(Long.toString(pop.income(h, y)));
                    if (model.eligible(Program.CHILDCARE, h, y)) {
                        childcare.add(Integer.toString(y));
                    }
                    if (y >= model.housingFirstYear() && model.eligible(Program.HOUSING_GRANT, h, y)) {
                        housing.add(Integer.toString(y));
                    }
                }
                row.add(childcare.toString());
                row.add(housing.toString());
                w.row(row);
            }
        }
    }

    void writeTractYear(int housingFirstYear) {
        try (CsvWriter w = new CsvWriter(dir.resolve("tract_year_eligible.csv"))) {
            List<String> header = new ArrayList<>(List.of("program", "year", "tract_geoid", "households", "households_in_city"));
            header.addAll(List.of(TRACT_YEAR_COUNTS));
            w.row(header);
            long[] households = new long[tracts.size()];
            long[] inCity = new long[tracts.size()];
            for (int h = 0; h < pop.size; h++) {
                households[pop.tract(h)]++;
                inCity[pop.tract(h)] += pop.inCity(h) ? 1 : 0;
            }
            for (Program p : Program.values()) {
                int from = p == Program.HOUSING_GRANT ? Math.max(firstYear, housingFirstYear) : firstYear;
                for (int y = from; y <= lastYear; y++) {
                    for (Tract t : tracts) {
                        List<String> row = new ArrayList<>(List.of(p.code, Integer.toString(y), t.geoid(),
                                Long.toString(households[t.index()]), Long.toString(inCity[t.index()])));
                        for (long c : tractYear[p.ordinal()][y - firstYear][t.index()]) {
                            row.add(Long.toString(c));
                        }
                        w.row(row);
                    }
                }
            }
        }
    }

    void writeTracts(TractProfiles profiles, Districts.Plan districts) {
        try (CsvWriter w = new CsvWriter(dir.resolve("tracts.csv"))) {
            w.row("tract_geoid", "city_area_share", "council_district", "log_median_income", "income_z", "income_percentile",
                    "is_low_awareness", "awareness_factor");
            for (Tract t : tracts) {
                int i = t.index();
                w.row(t.geoid(), String.format(Locale.ROOT, "%.6f", t.cityShare()), Integer.toString(districts.districtOfTract()[i]),
                        String.format(Locale.ROOT, "%.6f", profiles.logMedianIncome[i]), String.format(Locale.ROOT, "%.6f", profiles.incomeZ[i]),
                        String.format(Locale.ROOT, "%.6f", profiles.incomePercentile[i]), bool(profiles.lowAwareness[i]),
                        String.format(Locale.ROOT, "%.4f", profiles.awareness[i]));
            }
        }
    }

    void writeFiles() {
        files.sort((a, b) -> a[0].compareTo(b[0]));
        try (CsvWriter w = new CsvWriter(dir.resolve("files.csv"))) {
            w.row("file", "program", "entity", "layout_version", "export_date", "records", "malformed_records", "file_mess", "duplicate_of");
            files.forEach(w::row);
        }
    }

    void writeMessSummary(Map<String, Mess.Counter> counters, SampleCityParameters p) {
        try (CsvWriter w = new CsvWriter(dir.resolve("mess_summary.csv"))) {
            w.row("stream", "mess_kind", "configured_rate", "applicable", "applied", "observed_rate");
            counters.forEach((stream, c) -> {
                for (MessKind k : MessKind.values()) {
                    long n = c.applicable[k.ordinal()];
                    if (n == 0) {
                        continue;
                    }
                    w.row(stream, k.code(), LocalFrame.format(p.messRate(k)), Long.toString(n), Long.toString(c.applied[k.ordinal()]),
                            String.format(Locale.ROOT, "%.6f", c.applied[k.ordinal()] / (double) n));
                }
            });
        }
    }

    void writeParameters(SampleCityOptions options, Map<String, Object> derived) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", options.seed());
        json.put("scale", options.scale());
        json.put("firstYear", options.firstYear());
        json.put("lastYear", options.lastYear());
        json.put("parameters", options.parameters().toMap());
        json.put("derived", derived);
        try {
            // An explicit "\n" indenter: the default follows the platform's line separator, and the bytes must not.
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            new ObjectMapper().writer(printer).writeValue(dir.resolve("parameters.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bool(boolean b) {
        return b ? "true" : "false";
    }

    @Override
    public void close() {
        records.close();
    }
}
