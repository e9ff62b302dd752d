package org.equitylake.sample;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The synthetic population: one household per occupied dwelling, inside the city and in the part
 * of the county its tracts cover. Held as primitive arrays, so memory grows with dwellings only.
 * The population is stationary over the years (no moves, births or deaths); incomes drift.
 */
final class Population {
    private static final double[] SIZE_WEIGHTS = {0.24, 0.30, 0.17, 0.15, 0.08, 0.035, 0.015, 0.01};
    private static final double[] CHILDREN_SHARE = {0, 0, 0.18, 0.62, 0.78, 0.85, 0.88, 0.88, 0.88};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.net", "example.org"};
    static final int INCOME_BASE_YEAR = 2016;

    private final long seed;
    private final double incomeGrowth;
    private final AddressBook book;
    final int size;
    final int outside;
    final int[] dwelling;
    final byte[] members;
    final byte[] children;
    final boolean[] family;
    final byte[] race;
    final byte[] raceCodes;
    final byte[] language;
    final boolean[] limitedEnglish;
    final float[] baseIncome;
    final byte[] origin;
    final short[] first;
    final short[] last;
    final byte[] emailStyle;
    final float[] x;
    final float[] y;

    private Population(long seed, double incomeGrowth, AddressBook book, int n, int outside, int[] dwelling) {
        this.seed = seed;
        this.incomeGrowth = incomeGrowth;
        this.book = book;
        this.size = n;
        this.outside = outside;
        this.dwelling = dwelling;
        members = new byte[n];
        children = new byte[n];
        family = new boolean[n];
        race = new byte[n];
        raceCodes = new byte[n];
        language = new byte[n];
        limitedEnglish = new boolean[n];
        baseIncome = new float[n];
        origin = new byte[n];
        first = new short[n];
        last = new short[n];
        emailStyle = new byte[n];
        x = new float[n];
        y = new float[n];
    }

    static Population build(long seed, AddressBook book, TractProfiles profiles, SampleCityParameters p) {
        int[] occupied = new int[book.size()];
        int n = 0;
        int outside = 0;
        for (int d = 0; d < book.size(); d++) {
            if (Rand.unit(seed, Rand.HOUSEHOLDS, d, 0) < p.occupancyRate()) {
                occupied[n++] = d;
                outside += book.inCity(d) ? 0 : 1;
            }
        }
        Population pop = new Population(seed, p.householdIncomeGrowth(), book, n, outside, java.util.Arrays.copyOf(occupied, n));
        for (int h = 0; h < n; h++) {
            pop.draw(h, profiles);
        }
        return pop;
    }

    private void draw(int h, TractProfiles profiles) {
        int d = dwelling[h];
        int tract = book.tract(d);
        SplittableRandom r = Rand.rng(seed, Rand.HOUSEHOLDS, d, 1);
        Demography.Race rc = Demography.Race.values()[Rand.pick(r, profiles.raceWeights[tract])];
        race[h] = (byte) rc.ordinal();
        raceCodes[h] = (byte) Rand.pick(r, Demography.RACE_CODE_WEIGHTS[rc.ordinal()]);
        double[] sizeWeights = SIZE_WEIGHTS.clone();
        if (rc == Demography.Race.HISPANIC) {
            for (int s = 0; s < sizeWeights.length; s++) {
                sizeWeights[s] *= StrictMath.pow(1.25, s - 1);
            }
        }
        int m = 1 + Rand.pick(r, sizeWeights);
        members[h] = (byte) m;
        int kids = 0;
        if (r.nextDouble() < CHILDREN_SHARE[m]) {
            kids = Math.min(m - 1, Math.max(1, (int) Math.round((m - 2) * 0.8 + 0.5 * Rand.gaussian(r))));
        }
        children[h] = (byte) kids;
        family[h] = m > 1 && (kids > 0 || r.nextDouble() < 0.72);
        Demography.Language lang = Demography.Language.values()[Rand.pick(r, Demography.languageWeights(rc))];
        language[h] = (byte) lang.ordinal();
        limitedEnglish[h] = r.nextDouble() < lang.limitedShare;
        double logIncome = profiles.logMedianIncome[tract] + 0.10 * (Math.min(m, 5) - 2) + 0.75 * Rand.gaussian(r);
        baseIncome[h] = (float) Math.min(2_000_000, StrictMath.exp(logIncome));
        Names.Origin o = Demography.origin(rc, lang, r.nextDouble());
        origin[h] = (byte) o.ordinal();
        first[h] = (short) r.nextInt(Names.firstCount(o));
        last[h] = (short) r.nextInt(Names.lastCount(o));
        double e = r.nextDouble();
        emailStyle[h] = (byte) (e < 0.15 ? 0 : 1 + (int) ((e - 0.15) / 0.85 * 4));
        x[h] = (float) LocalFrame.x(book.lon(d));
        y[h] = (float) LocalFrame.y(book.lat(d));
    }

    String id(int h) {
        return String.format(Locale.ROOT, "H%07d", h + 1);
    }

    boolean inCity(int h) {
        return book.inCity(dwelling[h]);
    }

    int tract(int h) {
        return book.tract(dwelling[h]);
    }

    Demography.Race race(int h) {
        return Demography.Race.values()[race[h]];
    }

    String raceCodes(int h) {
        return Demography.RACE_CODE_SETS[race[h]][raceCodes[h]];
    }

    Demography.Language language(int h) {
        return Demography.Language.values()[language[h]];
    }

    Names.Origin origin(int h) {
        return Names.Origin.values()[origin[h]];
    }

    String firstName(int h) {
        return Names.first(origin(h), first[h]);
    }

    String lastName(int h) {
        return Names.last(origin(h), last[h]);
    }

    /** Household income in a year: the 2016 income grown by the yearly rate, with a household-year shock. */
    long income(int h, int year) {
        double shock = StrictMath.exp(0.10 * Rand.gaussian(Rand.key(seed, Rand.INCOME, h, year)));
        return Math.round(baseIncome[h] * StrictMath.pow(1 + incomeGrowth, year - INCOME_BASE_YEAR) * shock);
    }

    /** Ten digits; households change numbers now and then (every five years, at their own phase). */
    String phone(int h, int year) {
        long phase = Rand.key(seed, Rand.PHONE, h) & 0xF;
        long version = (year + phase) / 5;
        long k = Rand.key(seed, Rand.PHONE, h, version);
        String area = (k & 0x7) < 6 ? "408" : "669";
        return area + "555" + String.format(Locale.ROOT, "%04d", (k >>> 8) % 10000);
    }

    /** An e-mail address on a reserved example domain, or empty for households that give none. */
    String email(int h) {
        String f = Text.asciiLower(firstName(h)).replaceAll("[^a-z]", "");
        String l = Text.asciiLower(lastName(h)).replaceAll("[^a-z]", "");
        long k = Rand.key(seed, Rand.PHONE, h, -1);
        String domain = EMAIL_DOMAINS[(int) ((k >>> 4) % EMAIL_DOMAINS.length)];
        // A mailbox belongs to one person: namesakes on one domain get the digits a provider would ask for.
        String taken = Math.floorMod(k >>> 12, 4) == 0 ? "" : Long.toString(Math.floorMod(k >>> 20, 9000) + 1000);
        return switch (emailStyle[h]) {
            case 0 -> "";
            case 1 -> f + "." + l + taken + "@" + domain;
            case 2 -> f + l + (Math.floorMod(k, 90) + 10) + "@" + domain;
            case 3 -> f.charAt(0) + l + taken + "@" + domain;
            default -> f + "_" + l + taken + "@" + domain;
        };
    }

    AddressBook book() {
        return book;
    }
}
