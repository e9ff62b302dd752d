package org.equitylake.sample;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** A household's record as it would be written without mistakes: the starting point of the mess. */
final class SubmissionFactory {
    private final long seed;
    private final Population pop;
    private final AddressBook book;
    private final ProgramSites sites;

    SubmissionFactory(long seed, Population pop, ProgramSites sites) {
        this.seed = seed;
        this.pop = pop;
        this.book = pop.book();
        this.sites = sites;
    }

    Submission create(Program program, int h, int year, LocalDate applicationDate, SplittableRandom r) {
        Submission s = new Submission();
        int d = pop.dwelling[h];
        s.applicationDate = applicationDate;
        s.firstName = pop.firstName(h);
        s.lastName = pop.lastName(h);
        s.phone = pop.phone(h, year);
        s.email = pop.email(h);
        s.houseNumber = book.houseNumber(d);
        s.houseNumberSuffix = book.houseNumberSuffix(d);
        StreetGrid.Street street = book.street(d);
        s.predirectional = street.predirectional();
        s.streetName = street.name();
        s.streetType = street.type();
        s.postdirectional = street.postdirectional();
        s.ordinal = street.ordinal();
        s.unitType = book.unitType(d);
        s.unitNumber = book.unitNumber(d);
        s.city = AddressBook.CITY_NAME;
        s.zip = book.zip(d);
        s.householdSize = pop.members[h];
        s.children = pop.children[h];
        s.income = pop.income(h, year);
        s.language = pop.language(h);
        s.race = pop.race(h);
        s.raceCodes = pop.raceCodes(h);
        s.interpreterNeeded = pop.limitedEnglish[h];
        child(s, h, year);
        ProgramSites.Site site = sites.nearest(program, year, pop.x[h], pop.y[h]);
        if (r.nextDouble() < 0.2) {
            ProgramSites.Site other = sites.sites().get(r.nextInt(sites.sites().size()));
            if (other.serves(program, year)) {
                site = other;
            }
        }
        s.siteCode = site == null ? "" : site.code();
        s.siteName = site == null ? "" : site.name();
        return s;
    }

    /**
     * The child a household registers: the same child for up to six years (aged 0 to 11 at
     * application, one year older each year), then a younger sibling.
     */
    private void child(Submission s, int h, int year) {
        long phase = Rand.key(seed, Rand.HOUSEHOLDS, h, -7) & 0x7;
        long period = Math.floorDiv(year + phase, 6);
        long k = Rand.key(seed, Rand.HOUSEHOLDS, h, period);
        int ageNow = (int) Math.floorMod(year + phase, 6) + (int) Math.floorMod(k, 6);
        int birthYear = year - ageNow;
        int dayOfYear = 1 + (int) Math.floorMod(k >>> 8, 365);
        LocalDate born = LocalDate.ofYearDay(birthYear, dayOfYear);
        if (born.isAfter(s.applicationDate)) {
            born = born.minusYears(1);
        }
        s.childBirthDate = born;
        Names.Origin o = pop.origin(h);
        s.childFirstName = Names.first(o, (int) Math.floorMod(k >>> 20, Names.firstCount(o)));
    }
}
