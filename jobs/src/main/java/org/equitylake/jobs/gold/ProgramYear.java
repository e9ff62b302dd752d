package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.equitylake.indicators.AcsMath;
import org.equitylake.indicators.Estimate;

/**
 * Everything the gold tables of one program and year are computed from, assembled on the driver:
 * the in-city eligible estimate of every tract, distances from every building to the nearest open
 * site, the participants counted by every key, and the joint disclosure table with its mask.
 * Participants are income-eligible awarded households placed in a tract of the city.
 */
public final class ProgramYear {
    public static final String CITY = "city";
    public static final String ALL = "all";
    static final List<String> HOUSEHOLD_DIMENSIONS = List.of(Groups.HOUSEHOLD_INCOME_BAND, Groups.HOUSEHOLD_SIZE,
            Groups.LANGUAGE, Groups.RACE_ETHNICITY, Groups.DISTANCE_BAND);
    static final List<String> INCOME_BANDS_REPORTED = List.of(Groups.UNDER_50, Groups.FROM_50_TO_100, Groups.NOT_REPORTED);

    /**
     * The inputs of one program-year. {@code tractBand}/{@code tractTier}: per tract of the universe.
     * {@code childrenBySize}: for programs serving households with children, the share of family
     * households of each size with children and its covariance ({@link ChildrenBySize}); null to fit
     * it on {@code acs}.
     */
    public record Input(
            String program,
            int year,
            int acsYear,
            boolean withChildren,
            ChildrenBySize.Fit childrenBySize,
            double[] limitBySize,
            Map<String, CityGeography.TractInfo> tracts,
            Map<String, TractAcs> acs,
            Map<String, String> tractBand,
            Map<String, String> tractTier,
            List<CityGeography.Building> buildings,
            List<CityGeography.Site> sites,
            List<ParticipantCube.Cell> cells,
            int threshold) {}

    final Input in;
    final Map<String, Double> inCityShare;
    /** For programs serving households with children: the share of family households of each size with children. */
    final ChildrenBySize.Fit childrenBySize;
    /** What households of each size earn against all households (B19019; all 1 without it). */
    final IncomeBySize.Fit incomeRatioBySize;
    /** Per household-size group, the standard error its city estimate owes to the size model. */
    final Map<String, Double> sizeModelSe;
    /** In-city eligible households per tract of the universe. */
    final Map<String, EligibleEstimator.TractEligible> eligible = new TreeMap<>();
    final double[] nearest;
    final Map<String, SiteDistances.TractAccess> access;
    /** Participants: eligible, awarded, placed in a tract of the universe. */
    final List<ParticipantCube.Cell> participants = new ArrayList<>();
    final Disclosure disclosure = new Disclosure();
    final Disclosure.Mask mask;

    public ProgramYear(Input in) {
        this.in = in;
        this.inCityShare = InCityShare.of(in.tracts(), in.acs());
        this.childrenBySize = !in.withChildren() ? null
                : in.childrenBySize() != null ? in.childrenBySize() : ChildrenBySize.fit(in.acs().values());
        this.incomeRatioBySize = IncomeBySize.fit(in.acs().values());
        eligible.putAll(estimate(shares(childrenBySize), incomeRatioBySize.ratios()));
        this.sizeModelSe = SizeModelError.standardErrors(childrenBySize, incomeRatioBySize, this::estimate);
        List<CityGeography.Site> open = in.sites().stream().filter(s -> s.serves(in.program(), in.year())).toList();
        this.nearest = SiteDistances.nearest(in.buildings(), open);
        this.access = SiteDistances.byTract(in.buildings(), nearest);
        for (ParticipantCube.Cell c : in.cells()) {
            if (c.year() == in.year() && isPlaced(c) && c.eligibility().equals(ParticipantCube.ELIGIBLE)) {
                participants.add(c);
            }
        }
        buildDisclosure();
        this.mask = disclosure.protect(in.threshold());
    }

    private static double[] shares(ChildrenBySize.Fit fit) {
        return fit == null ? null : fit.shares();
    }

    /** In-city eligible households per tract of the universe, for given size-model parameters. */
    private Map<String, EligibleEstimator.TractEligible> estimate(double[] childrenShares, double[] incomeRatios) {
        Map<String, EligibleEstimator.TractEligible> out = new TreeMap<>();
        for (String t : in.tracts().keySet()) {
            TractAcs acs = in.acs().get(t);
            EligibleEstimator.TractEligible e = acs == null ? empty(t)
                    : EligibleEstimator.estimate(acs, in.limitBySize(), childrenShares, incomeRatios);
            out.put(t, e.scaled(inCityShare.get(t)));
        }
        return out;
    }

    private static EligibleEstimator.TractEligible empty(String geoid) {
        Map<String, Estimate> zeros = new LinkedHashMap<>();
        return new EligibleEstimator.TractEligible(geoid, Estimate.exact(0), Estimate.exact(0), zeros, zeros, zeros);
    }

    boolean isPlaced(ParticipantCube.Cell c) {
        return c.isInCity() && c.tract() != null && in.tracts().containsKey(c.tract());
    }

    // ------------------------------------------------------------------ keys of the disclosure table

    static String tractKey(String geoid) {
        return "tract:" + geoid;
    }

    static String districtKey(String district) {
        return "district:" + district;
    }

    static String groupKey(String dimension, String group) {
        return dimension.equals(Groups.COUNCIL_DISTRICT) ? districtKey(group) : dimension + ":" + group;
    }

    static String mismatchKey(String incomeBand, String tractBand) {
        return "mismatch:" + incomeBand + "|" + tractBand;
    }

    static String withinKey(String incomeBand) {
        return "within_mile:" + incomeBand;
    }

    static String beyondKey(String incomeBand) {
        return "beyond_mile:" + incomeBand;
    }

    static String leakKey(String measure, String band) {
        return "leakage_" + measure + ":" + band;
    }

    /** The key of an income band's participants: the household_income_band group, or the city for all. */
    static String incomeBandKey(String band) {
        return band.equals(Groups.ALL_ELIGIBLE) ? CITY : groupKey(Groups.HOUSEHOLD_INCOME_BAND, band);
    }

    // ------------------------------------------------------------------ groups

    List<String> districts() {
        return in.tracts().values().stream().map(CityGeography.TractInfo::district).distinct().sorted().toList();
    }

    List<String> tractsOf(String district) {
        return in.tracts().values().stream().filter(t -> district.equals(t.district())).map(CityGeography.TractInfo::geoid).toList();
    }

    String bandOf(String tract) {
        return in.tractBand().getOrDefault(tract, Groups.UNKNOWN);
    }

    String tierOf(String tract) {
        return in.tractTier().getOrDefault(tract, Groups.UNSCORED);
    }

    List<String> tractBands() {
        List<String> bands = new ArrayList<>(Groups.TRACT_BANDS);
        if (in.tracts().keySet().stream().anyMatch(t -> bandOf(t).equals(Groups.UNKNOWN))) {
            bands.add(Groups.UNKNOWN);
        }
        return bands;
    }

    List<String> tiers() {
        List<String> tiers = new ArrayList<>(Groups.EQUITY_TIERS);
        if (in.tracts().keySet().stream().anyMatch(t -> tierOf(t).equals(Groups.UNSCORED))) {
            tiers.add(Groups.UNSCORED);
        }
        return tiers;
    }

    /** The groups of a dimension in chart order, not_reported last where a household may not report. */
    List<String> groups(String dimension) {
        List<String> g = new ArrayList<>(switch (dimension) {
            case Groups.HOUSEHOLD_INCOME_BAND -> Groups.ELIGIBLE_INCOME_BANDS;
            case Groups.HOUSEHOLD_SIZE -> Groups.SIZE_GROUPS;
            case Groups.LANGUAGE -> Groups.LANGUAGE_GROUPS;
            case Groups.RACE_ETHNICITY -> Groups.RACE_GROUPS;
            case Groups.DISTANCE_BAND -> Groups.DISTANCE_BANDS;
            case Groups.TRACT_INCOME_BAND -> tractBands();
            case Groups.EQUITY_TIER -> tiers();
            case Groups.COUNCIL_DISTRICT -> districts();
            default -> throw new IllegalArgumentException("unknown dimension " + dimension);
        });
        if (HOUSEHOLD_DIMENSIONS.contains(dimension)) {
            g.add(Groups.NOT_REPORTED);
        }
        return g;
    }

    /** Tracts of a tract-level group (tract band, equity tier, district). */
    List<String> tractsIn(String dimension, String group) {
        return in.tracts().keySet().stream().filter(t -> switch (dimension) {
            case Groups.TRACT_INCOME_BAND -> bandOf(t).equals(group);
            case Groups.EQUITY_TIER -> tierOf(t).equals(group);
            case Groups.COUNCIL_DISTRICT -> group.equals(in.tracts().get(t).district());
            default -> throw new IllegalArgumentException(dimension + " is not a tract-level dimension");
        }).toList();
    }

    // ------------------------------------------------------------------ estimates

    Estimate cityEligible() {
        return AcsMath.sum(eligible.values().stream().map(EligibleEstimator.TractEligible::total).toList());
    }

    Estimate eligibleOf(List<String> tracts) {
        return AcsMath.sum(tracts.stream().map(t -> eligible.get(t).total()).toList());
    }

    /** The eligible estimate of a group; null for not_reported, which has no population of its own. */
    Estimate eligibleOf(String dimension, String group) {
        if (group.equals(Groups.NOT_REPORTED)) {
            return null;
        }
        List<Estimate> parts = new ArrayList<>();
        switch (dimension) {
            case Groups.HOUSEHOLD_INCOME_BAND -> eligible.values().forEach(e -> parts.add(e.band(group)));
            case Groups.HOUSEHOLD_SIZE -> {
                eligible.values().forEach(e -> parts.add(e.bySize().getOrDefault(group, Estimate.exact(0))));
                parts.add(new Estimate(0, AcsMath.moe90FromSe(sizeModelSe.getOrDefault(group, 0.0))));
            }
            case Groups.LANGUAGE -> eligible.values().forEach(e -> parts.add(e.byLanguage().getOrDefault(group, Estimate.exact(0))));
            case Groups.RACE_ETHNICITY -> eligible.values().forEach(e -> parts.add(e.byRace().getOrDefault(group, Estimate.exact(0))));
            case Groups.DISTANCE_BAND -> {
                int band = Groups.DISTANCE_BANDS.indexOf(group);
                eligible.forEach((t, e) -> parts.add(EligibleEstimator.scale(e.total(), bandShare(t, band))));
            }
            default -> {
                return eligibleOf(tractsIn(dimension, group));
            }
        }
        return AcsMath.sum(parts);
    }

    double bandShare(String tract, int band) {
        SiteDistances.TractAccess a = access.get(tract);
        return a == null ? 0 : a.bandShare(band);
    }

    // ------------------------------------------------------------------ counts

    long count(java.util.function.Predicate<ParticipantCube.Cell> p) {
        return participants.stream().filter(p).mapToLong(ParticipantCube.Cell::households).sum();
    }

    long servedIn(String tract) {
        return count(c -> c.tract().equals(tract));
    }

    /**
     * Awarded households of the year placed in the city, by tract band (or ALL) and eligibility (null
     * for any). Awards outside the city or not placed are left out of the published tables: with
     * the city's counts published, their count would be a difference a reader could take.
     */
    long awards(String band, String eligibility) {
        return awarded(band, eligibility).mapToLong(ParticipantCube.Cell::households).sum();
    }

    /** Of {@link #awards}, those judged by the midpoint of a bracket that straddles the limit. */
    long undecidedAwards(String band, String eligibility) {
        return awarded(band, eligibility).mapToLong(ParticipantCube.Cell::undecided).sum();
    }

    double awardDollars(String band, String eligibility) {
        return awarded(band, eligibility).mapToDouble(ParticipantCube.Cell::dollars).sum();
    }

    private java.util.stream.Stream<ParticipantCube.Cell> awarded(String band, String eligibility) {
        return in.cells().stream().filter(c -> c.year() == in.year() && isPlaced(c))
                .filter(c -> band.equals(ALL) || band.equals(bandOf(c.tract())))
                .filter(c -> eligibility == null || c.eligibility().equals(eligibility));
    }

    private void buildDisclosure() {
        Disclosure d = disclosure;
        d.cell(CITY, count(c -> true));
        for (String district : districts()) {
            d.cell(districtKey(district), count(c -> district.equals(in.tracts().get(c.tract()).district())));
        }
        for (String t : in.tracts().keySet()) {
            d.cell(tractKey(t), servedIn(t));
        }
        for (String district : districts()) {
            d.line(districtKey(district), tractsOf(district).stream().map(ProgramYear::tractKey).toList());
        }
        d.line(CITY, districts().stream().map(ProgramYear::districtKey).toList());

        for (String dim : HOUSEHOLD_DIMENSIONS) {
            for (String g : groups(dim)) {
                d.cell(groupKey(dim, g), count(c -> c.group(dim).equals(g)));
            }
            d.line(CITY, groups(dim).stream().map(g -> groupKey(dim, g)).toList());
        }
        for (String dim : List.of(Groups.TRACT_INCOME_BAND, Groups.EQUITY_TIER)) {
            for (String g : groups(dim)) {
                List<String> tracts = tractsIn(dim, g);
                d.cell(groupKey(dim, g), tracts.stream().mapToLong(this::servedIn).sum());
                d.line(groupKey(dim, g), tracts.stream().map(ProgramYear::tractKey).toList());
            }
            d.line(CITY, groups(dim).stream().map(g -> groupKey(dim, g)).toList());
        }

        // Secondary breakdowns, each its own block. Neighbourhood mismatch: household band × tract band.
        d.nextBlock();
        for (String hb : INCOME_BANDS_REPORTED) {
            for (String tb : tractBands()) {
                d.cell(mismatchKey(hb, tb), count(c -> c.incomeBand().equals(hb) && bandOf(c.tract()).equals(tb)));
            }
            d.line(groupKey(Groups.HOUSEHOLD_INCOME_BAND, hb), tractBands().stream().map(tb -> mismatchKey(hb, tb)).toList());
        }
        for (String tb : tractBands()) {
            d.line(groupKey(Groups.TRACT_INCOME_BAND, tb), INCOME_BANDS_REPORTED.stream().map(hb -> mismatchKey(hb, tb)).toList());
        }

        // Distance equity: participants within a mile by income band, and the rest.
        d.nextBlock();
        for (String hb : INCOME_BANDS_REPORTED) {
            long within = participants.stream().filter(c -> c.incomeBand().equals(hb)).mapToLong(ParticipantCube.Cell::withinMile).sum();
            d.cell(withinKey(hb), within);
            d.cell(beyondKey(hb), d.value(groupKey(Groups.HOUSEHOLD_INCOME_BAND, hb)) - within);
            d.line(groupKey(Groups.HOUSEHOLD_INCOME_BAND, hb), List.of(withinKey(hb), beyondKey(hb)));
        }
        d.cell(withinKey(ALL), participants.stream().mapToLong(ParticipantCube.Cell::withinMile).sum());
        d.cell(beyondKey(ALL), d.value(CITY) - d.value(withinKey(ALL)));
        d.line(withinKey(ALL), INCOME_BANDS_REPORTED.stream().map(ProgramYear::withinKey).toList());
        d.line(beyondKey(ALL), INCOME_BANDS_REPORTED.stream().map(ProgramYear::beyondKey).toList());
        d.line(CITY, List.of(withinKey(ALL), beyondKey(ALL)));
        String dist = Groups.DISTANCE_BAND;
        d.line(withinKey(ALL), List.of(groupKey(dist, Groups.DISTANCE_BANDS.get(0)), groupKey(dist, Groups.DISTANCE_BANDS.get(1))));
        d.line(beyondKey(ALL), List.of(groupKey(dist, Groups.DISTANCE_BANDS.get(2)), groupKey(dist, Groups.DISTANCE_BANDS.get(3)),
                groupKey(dist, Groups.NOT_REPORTED)));

        // Income leakage: awards with known eligibility to households placed in the city, and those over the limit.
        d.nextBlock();
        for (String b : tractBands()) {
            d.cell(leakKey("known", b), awards(b, ParticipantCube.ELIGIBLE) + awards(b, ParticipantCube.OVER_LIMIT));
            d.cell(leakKey("over", b), awards(b, ParticipantCube.OVER_LIMIT));
            d.line(leakKey("known", b), List.of(groupKey(Groups.TRACT_INCOME_BAND, b), leakKey("over", b)));
        }
        d.cell(leakKey("known", ALL), awards(ALL, ParticipantCube.ELIGIBLE) + awards(ALL, ParticipantCube.OVER_LIMIT));
        d.cell(leakKey("over", ALL), awards(ALL, ParticipantCube.OVER_LIMIT));
        d.line(leakKey("known", ALL), List.of(CITY, leakKey("over", ALL)));
        for (String m : List.of("known", "over")) {
            d.line(leakKey(m, ALL), tractBands().stream().map(b -> leakKey(m, b)).toList());
        }
    }

    /** Sorted set of the years of the program the cube holds. */
    static TreeSet<Integer> years(List<ParticipantCube.Cell> cells) {
        TreeSet<Integer> years = new TreeSet<>();
        cells.forEach(c -> years.add(c.year()));
        return years;
    }
}
