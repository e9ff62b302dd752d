package org.equitylake.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Childcare scholarship registrations, one CSV per export day in the layout of its year. Each
 * export holds the registrations submitted since the previous one. Records are built one at a
 * time from their household and written at once, with their truth row.
 */
final class ChildcareExports {
    static final String DIR = "childcare/registrations";
    static final String SUFFIX = "_registrations.csv";

    private final GenerationContext ctx;
    final Mess.Counter counter = new Mess.Counter();
    int files;
    long records;

    ChildcareExports(GenerationContext ctx) {
        this.ctx = ctx;
    }

    void write() {
        SampleCityParameters p = ctx.params();
        Episodes.Volume volume = Episodes.Volume.of(ctx, Program.CHILDCARE, p.childcareRegistrationsOverride());
        List<Integer> slots = new ArrayList<>();
        List<Integer> preferred = new ArrayList<>();
        for (int year = ctx.firstYear(); year <= ctx.lastYear(); year++) {
            int n = ExportCalendar.childcare(ctx.seed(), year).size();
            for (int i = 1; i < n - 1; i++) {
                slots.add(year * 1000 + i);
                if (ChildcareLayout.forYear(p, year) == ChildcareLayout.V2) {
                    preferred.add(year * 1000 + i);
                }
            }
        }
        SplittableRandom pick = Rand.rng(ctx.seed(), Rand.FILES, Program.CHILDCARE.ordinal());
        Set<Integer> unknown = ExportFiles.pickSlots(pick, preferred.isEmpty() ? slots : preferred, p.unknownHeaderFiles(), Set.of());
        Set<Integer> duplicate = ExportFiles.pickSlots(pick, slots, p.duplicateFiles(), unknown);

        for (int year = ctx.firstYear(); year <= ctx.lastYear(); year++) {
            List<LocalDate> dates = ExportCalendar.childcare(ctx.seed(), year);
            Set<LocalDate> taken = new HashSet<>(dates);
            Episodes ep = Episodes.plan(ctx, Program.CHILDCARE, year, dates.get(dates.size() - 1), volume, counter);
            ChildcareLayout yearLayout = ChildcareLayout.forYear(p, year);
            int next = 0;
            int sequence = 0;
            for (int i = 0; i < dates.size(); i++) {
                LocalDate date = dates.get(i);
                boolean isUnknown = unknown.contains(year * 1000 + i);
                ChildcareLayout layout = isUnknown ? ChildcareLayout.UNKNOWN : yearLayout;
                String name = date + SUFFIX;
                Path file = ctx.landing().resolve(DIR).resolve(name);
                int inFile = 0;
                int malformed = 0;
                try (CsvWriter w = new CsvWriter(file, layout.lineEnd, layout.quoteAll)) {
                    w.row(layout.header());
                    while (next < ep.stubCount && Episodes.day(ep.stubs[next]) <= date.getDayOfYear()) {
                        long stub = ep.stubs[next++];
                        String id = yearLayout.recordId(year, ++sequence);
                        malformed += writeRecord(w, layout, ep, stub, id, DIR + "/" + name, ++inFile, isUnknown) ? 1 : 0;
                    }
                }
                String relative = DIR + "/" + name;
                ctx.truth().file(relative, Program.CHILDCARE, "registrations", layout.version, date, inFile, malformed,
                        isUnknown ? "unknown_header" : "", "");
                files++;
                records += inFile;
                if (duplicate.contains(year * 1000 + i)) {
                    Path copy = ExportFiles.deliverAgain(file, date, SUFFIX, taken);
                    ctx.truth().file(DIR + "/" + copy.getFileName(), Program.CHILDCARE, "registrations", layout.version,
                            LocalDate.parse(copy.getFileName().toString().substring(0, 10)), inFile, malformed, "duplicate_file", relative);
                    files++;
                }
            }
        }
    }

    /** Builds, messes, writes and records one registration; returns whether its row is malformed. */
    private boolean writeRecord(CsvWriter w, ChildcareLayout layout, Episodes ep, long stub, String id, String source,
                                int ordinal, boolean unknownHeader) {
        int e = Episodes.episode(stub);
        int k = Episodes.k(stub);
        int h = ep.household[e];
        int year = ep.year;
        SplittableRandom r = Rand.rng(ctx.seed(), Rand.RECORD, Program.CHILDCARE.ordinal(), year, h, k);
        LocalDate applied = LocalDate.ofYearDay(year, Episodes.day(stub));
        Submission s = ctx.factory().create(Program.CHILDCARE, h, year, applied, r);
        s.recordId = id;
        boolean awarded = k == 0 && ep.awarded[e];
        s.status = status(k, ep.eligible[e], awarded, r);
        s.awardAmount = awarded ? 3000 + 1500L * Math.min(3, s.children) : 0;
        boolean inside = ctx.pop().inCity(h);
        counter.count(MessKind.OUTSIDE_CITY, !inside);
        if (!inside) {
            s.kinds.add(MessKind.OUTSIDE_CITY);
        }
        if (k > 0) {
            s.kinds.add(MessKind.DUPLICATE_IN_SEASON);
        }
        ctx.mess().apply(s, new Mess.Context(inside, layout.numericIncome(), true, true), r, counter);
        w.raw(ExportFiles.csvLine(w, layout.values(s, r), s.malformation, layout.streetColumn(), r));
        ctx.truth().record(Program.CHILDCARE, "registrations", id, "", source, ordinal, layout.version, year, h,
                ep.eligible[e], awarded, s.kinds, unknownHeader ? "unknown_header_file" : "");
        return s.malformation > 0;
    }

    private static Submission.Status status(int k, boolean eligible, boolean awarded, SplittableRandom r) {
        double u = r.nextDouble();
        if (k > 0) {
            return u < 0.5 ? Submission.Status.WITHDRAWN : u < 0.75 ? Submission.Status.WAITLISTED : Submission.Status.DENIED;
        }
        if (awarded) {
            return u < 0.8 ? Submission.Status.ENROLLED : Submission.Status.APPROVED;
        }
        if (eligible) {
            return u < 0.6 ? Submission.Status.WAITLISTED : Submission.Status.WITHDRAWN;
        }
        return u < 0.85 ? Submission.Status.DENIED : Submission.Status.WITHDRAWN;
    }
}
