package org.equitylake.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What one generation wrote: counts by kind of file and record, bytes, and how long it took. */
public record GenerationSummary(Path out, long seed, double scale, int firstYear, int lastYear,
                                Map<String, Long> counts, Duration elapsed) {
    public GenerationSummary {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public long count(String what) {
        return counts.getOrDefault(what, 0L);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "sample city (seed %d, scale %s, %d-%d) written to %s in %.1f s%n",
                seed, LocalFrame.format(scale), firstYear, lastYear, out, elapsed.toMillis() / 1000.0));
        s.append(String.format(Locale.ROOT, "  geography: %d tracts, %d council districts, %d address points, %d program sites%n",
                count("tracts"), count("council_districts"), count("address_points"), count("program_sites")));
        s.append(String.format(Locale.ROOT, "  population: %d households (%d outside the city); %d ACS files%n",
                count("households"), count("households_outside_city"), count("acs_files")));
        s.append(String.format(Locale.ROOT, "  childcare: %d registrations in %d files%n",
                count("childcare_registrations"), count("childcare_registration_files")));
        s.append(String.format(Locale.ROOT, "  housing grant: %d applications in %d files, %d awards in %d files%n",
                count("housing_grant_applications"), count("housing_grant_application_files"),
                count("housing_grant_awards"), count("housing_grant_award_files")));
        s.append(String.format(Locale.ROOT, "  bytes: landing %d, truth %d", count("landing_bytes"), count("truth_bytes")));
        return s.toString();
    }
}
