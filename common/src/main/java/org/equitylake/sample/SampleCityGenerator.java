package org.equitylake.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the sample city: {@code <out>/landing} (what the city's systems and the Census Bureau
 * deliver, in their formats and with their mess) and {@code <out>/truth} (the answer key). The same
 * options give byte-identical files. Memory grows with the number of dwellings; program records
 * are streamed to disk one at a time. See docs/SAMPLE_CITY.md.
 */
public final class SampleCityGenerator {
    private SampleCityGenerator() {}

    public static GenerationSummary generate(SampleCityOptions options) {
        long started = System.nanoTime();
        long seed = options.seed();
        SampleCityParameters p = options.parameters();
        Path landing = options.out().resolve("landing");
        Path reference = landing.resolve("reference");
        Path truthDir = options.out().resolve("truth");
        prepare(landing, truthDir);

        CityGeography geo = CityGeography.build(seed, p.tractCellMetres());
        AddressBook book = AddressBook.build(seed, geo, options.addressPointTarget());
        long[] dwellingsPerTract = new long[geo.tracts().size()];
        for (int d = 0; d < book.size(); d++) {
            if (book.inCity(d)) {
                dwellingsPerTract[book.tract(d)]++;
            }
        }
        Districts.Plan districts = Districts.build(geo, dwellingsPerTract);
        ReferenceGeography.write(reference, geo, districts, options.lastYear());
        book.writeCsv(reference.resolve("address_points.csv"));

        ProgramSites sites = ProgramSites.build(seed, book, p.programSiteCount(), options.firstYear(), options.lastYear(),
                p.housingGrantFirstYear());
        sites.writeCsv(reference.resolve("program_sites.csv"));
        IncomeLimits limits = new IncomeLimits(p);
        limits.writeCsv(reference.resolve("income_limits.csv"), options.firstYear(), options.lastYear());

        TractProfiles profiles = TractProfiles.build(seed, geo.tracts(), p);
        Population pop = Population.build(seed, book, profiles, p);
        int acsFiles = AcsTables.write(reference.resolve("acs"), pop, geo.tracts(), options.firstYear(), options.lastYear(),
                seed, p.acsSamplingRate());

        TakeUpModel model = new TakeUpModel(p, pop, profiles, sites, limits);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (TruthWriter truth = new TruthWriter(truthDir, pop, geo.tracts(), options.firstYear(), options.lastYear())) {
            GenerationContext ctx = new GenerationContext(seed, options, p, geo, pop, profiles, model,
                    new SubmissionFactory(seed, pop, sites), new Mess(p), landing, truth);
            ChildcareExports childcare = new ChildcareExports(ctx);
            childcare.write();
            HousingGrantExports housing = new HousingGrantExports(ctx);
            housing.write();

            truth.writeHouseholds(model, districts);
            truth.writeTractYear(p.housingGrantFirstYear());
            truth.writeTracts(profiles, districts);
            truth.writeFiles();
            Map<String, Mess.Counter> counters = new LinkedHashMap<>();
            counters.put("childcare_registrations", childcare.counter);
            counters.put("housing_grant_applications", housing.applicationCounter);
            counters.put("housing_grant_awards", housing.awardCounter);
            truth.writeMessSummary(counters, p);

            counts.put("tracts", (long) geo.tracts().size());
            counts.put("council_districts", (long) districts.districts().size());
            counts.put("address_points", (long) book.inCityCount());
            counts.put("dwellings_outside_city", (long) (book.size() - book.inCityCount()));
            counts.put("program_sites", (long) sites.sites().size());
            counts.put("households", (long) pop.size);
            counts.put("households_outside_city", (long) pop.outside);
            counts.put("acs_files", (long) acsFiles);
            counts.put("childcare_registration_files", (long) childcare.files);
            counts.put("childcare_registrations", childcare.records);
            counts.put("housing_grant_application_files", (long) housing.applicationFiles);
            counts.put("housing_grant_applications", housing.applications);
            counts.put("housing_grant_award_files", (long) housing.awardFiles);
            counts.put("housing_grant_awards", housing.awards);
            truth.writeParameters(options, derived(counts, geo, profiles));
        }
        counts.put("landing_bytes", bytes(landing));
        counts.put("truth_bytes", bytes(truthDir));
        return new GenerationSummary(options.out(), seed, options.scale(), options.firstYear(), options.lastYear(), counts,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<String, Object> derived(Map<String, Long> counts, CityGeography geo, TractProfiles profiles) {
        Map<String, Object> d = new LinkedHashMap<>(counts);
        List<String> low = new ArrayList<>();
        for (Tract t : geo.tracts()) {
            if (profiles.lowAwareness[t.index()]) {
                low.add(t.geoid());
            }
        }
        d.put("lowAwarenessTracts", low);
        d.put("cityLimitParts", geo.city().getNumGeometries());
        return d;
    }

    /** A fresh output: earlier landing and truth folders are removed so no stale file survives. */
    private static void prepare(Path landing, Path truth) {
        try {
            for (Path dir : new Path[] {landing, truth}) {
                if (Files.exists(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        for (Path f : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                            Files.delete(f);
                        }
                    }
                }
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + landing.getParent(), e);
        }
    }

    private static long bytes(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
