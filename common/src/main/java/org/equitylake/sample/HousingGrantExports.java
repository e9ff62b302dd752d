package org.equitylake.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The homelessness-prevention housing grant, in another system's shape: applications as JSON Lines
 * (nested applicant, address and household objects) twice a month, and awards as a CSV once a
 * month, each award pointing at its application. Same households, same mess, no new code in the
 * pipeline: only the contracts differ.
 */
final class HousingGrantExports {
    static final String APPLICATIONS_DIR = "housing_grant/applications";
    static final String AWARDS_DIR = "housing_grant/awards";
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final String[] AWARD_HEADER = {"award_id", "application_id", "decision_date", "award_amount", "payment_method", "fund_source"};
    private static final String[] PAYMENT = {"landlord_direct", "landlord_direct", "landlord_direct", "check", "ach"};

    private record Award(long decisionDay, String applicationId, int household, int year, boolean eligible, long amount, int draw) {}

    private final GenerationContext ctx;
    final Mess.Counter applicationCounter = new Mess.Counter();
    final Mess.Counter awardCounter = new Mess.Counter();
    int applicationFiles;
    int awardFiles;
    long applications;
    long awards;

    HousingGrantExports(GenerationContext ctx) {
        this.ctx = ctx;
    }

    void write() {
        SampleCityParameters p = ctx.params();
        int from = Math.max(ctx.firstYear(), p.housingGrantFirstYear());
        if (from > ctx.lastYear()) {
            return;
        }
        Episodes.Volume volume = Episodes.Volume.of(ctx, Program.HOUSING_GRANT, p.housingGrantApplicationsOverride());
        List<Integer> slots = new ArrayList<>();
        for (int year = from; year <= ctx.lastYear(); year++) {
            int n = ExportCalendar.housingApplications(ctx.seed(), year).size();
            for (int i = 1; i < n - 1; i++) {
                slots.add(year * 1000 + i);
            }
        }
        Set<Integer> duplicate = ExportFiles.pickSlots(Rand.rng(ctx.seed(), Rand.FILES, Program.HOUSING_GRANT.ordinal()),
                slots, p.duplicateFiles(), Set.of());
        List<LocalDate> lastYearAwards = ExportCalendar.housingAwards(ctx.seed(), ctx.lastYear());
        long finalAwardDay = lastYearAwards.get(lastYearAwards.size() - 1).toEpochDay();
        List<Award> decided = new ArrayList<>();
        for (int year = from; year <= ctx.lastYear(); year++) {
            List<LocalDate> dates = ExportCalendar.housingApplications(ctx.seed(), year);
            Set<LocalDate> taken = new HashSet<>(dates);
            Episodes ep = Episodes.plan(ctx, Program.HOUSING_GRANT, year, dates.get(dates.size() - 1), volume, applicationCounter);
            int next = 0;
            int sequence = 0;
            for (int i = 0; i < dates.size(); i++) {
                LocalDate date = dates.get(i);
                String name = date + "_applications.jsonl";
                String relative = APPLICATIONS_DIR + "/" + name;
                Path file = ctx.landing().resolve(relative);
                int inFile = 0;
                int malformed = 0;
                try (CsvWriter w = new CsvWriter(file)) {
                    while (next < ep.stubCount && Episodes.day(ep.stubs[next]) <= date.getDayOfYear()) {
                        long stub = ep.stubs[next++];
                        String id = String.format(Locale.ROOT, "HG-%d-%06d", year, ++sequence);
                        inFile++;
                        malformed += writeApplication(w, ep, stub, id, relative, inFile, finalAwardDay, decided) ? 1 : 0;
                    }
                }
                ctx.truth().file(relative, Program.HOUSING_GRANT, "applications", 1, date, inFile, malformed, "", "");
                applicationFiles++;
                applications += inFile;
                if (duplicate.contains(year * 1000 + i)) {
                    Path copy = ExportFiles.deliverAgain(file, date, "_applications.jsonl", taken);
                    ctx.truth().file(APPLICATIONS_DIR + "/" + copy.getFileName(), Program.HOUSING_GRANT, "applications", 1,
                            LocalDate.parse(copy.getFileName().toString().substring(0, 10)), inFile, malformed, "duplicate_file", relative);
                    applicationFiles++;
                }
            }
        }
        writeAwards(from, decided);
    }

    private boolean writeApplication(CsvWriter w, Episodes ep, long stub, String id, String source, int ordinal,
                                     long finalAwardDay, List<Award> decided) {
        int e = Episodes.episode(stub);
        int k = Episodes.k(stub);
        int h = ep.household[e];
        int year = ep.year;
        SplittableRandom r = Rand.rng(ctx.seed(), Rand.RECORD, Program.HOUSING_GRANT.ordinal(), year, h, k);
        LocalDate applied = LocalDate.ofYearDay(year, Episodes.day(stub));
        Submission s = ctx.factory().create(Program.HOUSING_GRANT, h, year, applied, r);
        s.recordId = id;
        boolean inside = ctx.pop().inCity(h);
        applicationCounter.count(MessKind.OUTSIDE_CITY, !inside);
        if (!inside) {
            s.kinds.add(MessKind.OUTSIDE_CITY);
        }
        if (k > 0) {
            s.kinds.add(MessKind.DUPLICATE_IN_SEASON);
        }
        ctx.mess().apply(s, new Mess.Context(inside, true, false, ordinal > 1), r, applicationCounter);
        int monthsOwed = 1 + r.nextInt(4);
        w.raw(HousingGrantJson.line(s, timestamp(s, r), monthsOwed, r));
        boolean awarded = k == 0 && ep.awarded[e];
        if (awarded) {
            long day = Math.min(finalAwardDay, applied.toEpochDay() + 7 + r.nextInt(39));
            long rent = 1800 + 250L * Math.min(5, ctx.pop().members[h]);
            decided.add(new Award(day, id, h, year, ep.eligible[e], Math.min(10_000, monthsOwed * rent), r.nextInt(1 << 20)));
        }
        ctx.truth().record(Program.HOUSING_GRANT, "applications", id, "", source, ordinal, 1, year, h, ep.eligible[e],
                awarded, s.kinds, "");
        return s.malformation > 0;
    }

    private static String timestamp(Submission s, SplittableRandom r) {
        int hour = 8 + r.nextInt(10);
        int minute = r.nextInt(60);
        int second = r.nextInt(60);
        if (s.impossibleApplicationDate != null) {
            int[] d = s.impossibleApplicationDate;
            return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d-08:00", d[0], d[1], d[2], hour, minute, second);
        }
        return ZonedDateTime.of(s.applicationDate.atTime(hour, minute, second), ZONE).format(TIMESTAMP);
    }

    private void writeAwards(int from, List<Award> decided) {
        decided.sort((a, b) -> a.decisionDay() != b.decisionDay() ? Long.compare(a.decisionDay(), b.decisionDay())
                : a.applicationId().compareTo(b.applicationId()));
        int next = 0;
        double rate = ctx.params().messRate(MessKind.MALFORMED_ROW);
        for (int year = from; year <= ctx.lastYear(); year++) {
            int sequence = 0;
            for (LocalDate date : ExportCalendar.housingAwards(ctx.seed(), year)) {
                String relative = AWARDS_DIR + "/" + date + "_awards.csv";
                int inFile = 0;
                int malformed = 0;
                try (CsvWriter w = new CsvWriter(ctx.landing().resolve(relative))) {
                    w.row(AWARD_HEADER);
                    while (next < decided.size() && decided.get(next).decisionDay() <= date.toEpochDay()) {
                        Award a = decided.get(next++);
                        SplittableRandom r = Rand.rng(ctx.seed(), Rand.AWARD, a.draw(), a.decisionDay());
                        String id = String.format(Locale.ROOT, "AW-%d-%06d", year, ++sequence);
                        LocalDate decision = LocalDate.ofEpochDay(a.decisionDay());
                        String fund = a.year() <= 2022 ? "ERAP" : r.nextDouble() < 0.6 ? "General Fund" : "CDBG";
                        String[] values = {id, a.applicationId(), decision.toString(), a.amount() + ".00", Rand.pick(r, PAYMENT), fund};
                        boolean broken = r.nextDouble() < rate;
                        awardCounter.count(MessKind.MALFORMED_ROW, broken);
                        w.raw(ExportFiles.csvLine(w, values, broken ? 1 : 0, 0, r));
                        inFile++;
                        malformed += broken ? 1 : 0;
                        ctx.truth().record(Program.HOUSING_GRANT, "awards", id, a.applicationId(), relative, inFile, 1, a.year(),
                                a.household(), a.eligible(), true,
                                broken ? java.util.EnumSet.of(MessKind.MALFORMED_ROW) : java.util.EnumSet.noneOf(MessKind.class), "");
                    }
                }
                ctx.truth().file(relative, Program.HOUSING_GRANT, "awards", 1, date, inFile, malformed, "", "");
                awardFiles++;
                awards += inFile;
            }
        }
    }
}
