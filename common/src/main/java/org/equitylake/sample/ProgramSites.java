package org.equitylake.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Community centres (childcare) and family resource hubs (housing grant, some childcare too),
 * placed at dwellings so that denser parts of the city get more of them. Some open and some close
 * during the years: a site is open in year y when {@code opened_year <= y < closed_year}.
 */
final class ProgramSites {
    record Site(String code, String name, String address, double lon, double lat, double x, double y,
                Set<Program> programs, int openedYear, int closedYear) {
        boolean openIn(int year) {
            return openedYear <= year && (closedYear == 0 || year < closedYear);
        }

        boolean serves(Program program, int year) {
            return programs.contains(program) && openIn(year);
        }
    }

    private final List<Site> sites;

    private ProgramSites(List<Site> sites) {
        this.sites = List.copyOf(sites);
    }

    static ProgramSites build(long seed, AddressBook book, int count, int firstYear, int lastYear, int housingFirstYear) {
        SplittableRandom r = Rand.rng(seed, Rand.SITES);
        List<Integer> at = new ArrayList<>();
        double spacing = 1500;
        for (int attempt = 0; at.size() < count; attempt++) {
            if (attempt > 0 && attempt % 5000 == 0) {
                spacing *= 0.8;
            }
            int d = r.nextInt(book.size());
            if (!book.inCity(d) || book.hasUnit(d)) {
                continue;
            }
            double x = LocalFrame.x(book.lon(d));
            double y = LocalFrame.y(book.lat(d));
            double s = spacing;
            if (at.stream().allMatch(o -> Math.hypot(LocalFrame.x(book.lon(o)) - x, LocalFrame.y(book.lat(o)) - y) > s)) {
                at.add(d);
            }
        }
        int hubs = Math.max(2, count * 2 / 5);
        int span = lastYear - firstYear;
        List<Site> sites = new ArrayList<>();
        int cc = 0;
        int frh = 0;
        for (int i = 0; i < count; i++) {
            int d = at.get(i);
            boolean hub = i < hubs;
            Set<Program> programs = hub ? (i < 2 ? EnumSet.of(Program.HOUSING_GRANT) : EnumSet.of(Program.HOUSING_GRANT, Program.CHILDCARE))
                    : EnumSet.of(Program.CHILDCARE);
            int opened = 1975 + r.nextInt(Math.max(1, firstYear - 1975));
            int closed = 0;
            if (i == count - 1 && span >= 4) {
                opened = firstYear + 2;
            } else if (i == count - 2 && span >= 6) {
                opened = firstYear + 5;
            } else if (i == count - 3 && span >= 5) {
                closed = firstYear + 3;
            } else if (i == count - 4 && span >= 8) {
                closed = firstYear + 7;
            } else if (hub && i == hubs - 1 && housingFirstYear + 2 <= lastYear) {
                opened = housingFirstYear + 2;
            }
            StreetGrid.Street street = book.street(d);
            String code = hub ? String.format(java.util.Locale.ROOT, "FRH%02d", ++frh) : String.format(java.util.Locale.ROOT, "CC%02d", ++cc);
            String name = street.name() + (hub ? " Family Resource Hub" : " Community Center");
            sites.add(new Site(code, name, book.streetLine(d), book.lon(d), book.lat(d),
                    LocalFrame.x(book.lon(d)), LocalFrame.y(book.lat(d)), programs, opened, closed));
        }
        return new ProgramSites(sites);
    }

    List<Site> sites() {
        return sites;
    }

    /** Distance in km from (x, y) metres to the nearest site serving the program in the year; infinite if none. */
    double nearestKm(Program program, int year, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (Site s : sites) {
            if (s.serves(program, year)) {
                best = Math.min(best, Math.hypot(s.x() - x, s.y() - y));
            }
        }
        return best / 1000;
    }

    /** The nearest site serving the program in the year, or null. */
    Site nearest(Program program, int year, double x, double y) {
        Site best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Site s : sites) {
            double d = Math.hypot(s.x() - x, s.y() - y);
            if (s.serves(program, year) && d < bestD) {
                bestD = d;
                best = s;
            }
        }
        return best;
    }

    void writeCsv(Path file) {
        try (CsvWriter w = new CsvWriter(file)) {
            w.row("site_code", "site_name", "address", "longitude", "latitude", "programs", "opened_year", "closed_year");
            for (Site s : sites) {
                w.row(s.code(), s.name(), s.address(), LocalFrame.format(s.lon()), LocalFrame.format(s.lat()),
                        s.programs().stream().map(p -> p.code).collect(Collectors.joining(";")),
                        Integer.toString(s.openedYear()), s.closedYear() == 0 ? "" : Integer.toString(s.closedYear()));
            }
        }
    }
}
