package org.equitylake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.equitylake.sample.GenerationSummary;
import org.equitylake.sample.SampleCityGenerator;
import org.equitylake.sample.SampleCityOptions;
import org.equitylake.sample.SampleCityParameters;

/** A generated city a benchmark runs on, kept between runs: generation is not what is measured. */
record City(Path dir, String label, long addressPoints, long registrations, int firstYear, int lastYear) {
    private static final Pattern EXPORT_DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})_");

    /** A city by scale, or by absolute sizes when addressPoints or registrations is above 0. */
    static City generate(Path work, double scale, long addressPoints, long registrations, int firstYear, int lastYear)
            throws IOException {
        return generate(work, scale, addressPoints, registrations, firstYear, lastYear, SampleCityParameters.defaults());
    }

    /** The same, with the geography (tract size, sites) of {@code geography}; its sizes are replaced. */
    static City generate(Path work, double scale, long addressPoints, long registrations, int firstYear, int lastYear,
            SampleCityParameters geography) throws IOException {
        SampleCityParameters defaults = SampleCityParameters.defaults();
        String label = addressPoints > 0 || registrations > 0
                ? String.format(Locale.ROOT, "points-%d-registrations-%d", addressPoints, registrations)
                : String.format(Locale.ROOT, "scale-%s", scale);
        if (geography.tractCellMetres() != defaults.tractCellMetres() || geography.programSiteCount() != defaults.programSiteCount()) {
            label += String.format(Locale.ROOT, "-cell-%.0fm-sites-%d", geography.tractCellMetres(), geography.programSiteCount());
        }
        Path dir = work.resolve("city-" + label + "-" + firstYear + "-" + lastYear);
        Path done = dir.resolve("generated.properties");
        if (!Files.exists(done)) {
            SampleCityParameters parameters = geography.withSizeOverrides(addressPoints, registrations, 0);
            SampleCityOptions options = new SampleCityOptions(SampleCityOptions.DEFAULT_SEED, scale, firstYear, lastYear, dir,
                    parameters);
            GenerationSummary summary = SampleCityGenerator.generate(options);
            System.out.println(summary);
            Files.writeString(done, "address_points=" + summary.count("address_points") + "\nregistrations="
                    + summary.count("childcare_registrations") + "\napplications=" + summary.count("housing_grant_applications")
                    + "\ntracts=" + summary.count("tracts") + "\nsites=" + summary.count("program_sites") + "\n");
        }
        Map<String, String> counts = Bench.properties(done);
        return new City(dir, label, Long.parseLong(counts.get("address_points")), Long.parseLong(counts.get("registrations")),
                firstYear, lastYear);
    }

    Path landing() {
        return dir.resolve("landing");
    }

    /** The newest day any program export carries in its name: the "tonight" of a nightly benchmark. */
    LocalDate lastExportDay() throws IOException {
        try (Stream<Path> files = Files.walk(landing())) {
            return files.map(p -> EXPORT_DAY.matcher(p.getFileName().toString()))
                    .filter(Matcher::find).map(m -> LocalDate.parse(m.group(1)))
                    .max(LocalDate::compareTo).orElseThrow(() -> new IllegalStateException("no dated export under " + landing()));
        }
    }
}
