package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sizes, speed, scaling and the options of a generation. */
class GenerationTest {
    @Test
    void defaultCityIsAMidSizeCityGeneratedWellUnderAMinute() {
        GenerationSummary s = SampleCities.defaultCity().summary();
        assertTrue(s.elapsed().compareTo(Duration.ofSeconds(60)) < 0, "generation took " + s.elapsed());
        assertTrue(s.count("tracts") >= 130 && s.count("tracts") <= 175, s.toString());
        assertEquals(10, s.count("council_districts"));
        assertTrue(s.count("address_points") >= 30_000 && s.count("address_points") <= 40_000, s.toString());
        assertTrue(s.count("childcare_registrations") >= 20_000, s.toString());
        assertTrue(s.count("housing_grant_applications") >= 1_000, s.toString());
        assertEquals(10 * AcsTables.TABLES.size(), s.count("acs_files"));
        assertTrue(s.toString().contains("childcare:"));
    }

    @Test
    void scaleGrowsAddressPointsAndRecordsLinearly() {
        GenerationSummary quarter = SampleCities.generate(new SampleCityOptions(3, 0.25, 2016, 2025,
                SampleCities.temporary("quarter"), SampleCityParameters.defaults())).summary();
        GenerationSummary half = SampleCities.generate(new SampleCityOptions(3, 0.5, 2016, 2025,
                SampleCities.temporary("half"), SampleCityParameters.defaults())).summary();
        assertEquals(9_000, quarter.count("address_points"), 9_000 * 0.06);
        assertEquals(18_000, half.count("address_points"), 18_000 * 0.06);
        double ratio = half.count("childcare_registrations") / (double) quarter.count("childcare_registrations");
        assertEquals(2.0, ratio, 0.3, "registrations at half scale over quarter scale");
    }

    @Test
    void benchmarkOverridesSetSizesIndependentlyOfScale() {
        SampleCityParameters p = SampleCityParameters.defaults().withSizeOverrides(6_000, 25_000, 4_000);
        SampleCities.City city = SampleCities.generate(new SampleCityOptions(5, 0.1, 2016, 2025, SampleCities.temporary("bench"), p));
        GenerationSummary s = city.summary();
        assertEquals(6_000, s.count("address_points"), 6_000 * 0.06);
        assertEquals(25_000, s.count("childcare_registrations"), 25_000 * 0.1);
        assertEquals(4_000, s.count("housing_grant_applications"), 4_000 * 0.15);
    }

    @Test
    void yearsLimitTheProgramsAndTables() {
        GenerationSummary s = SampleCities.generate(new SampleCityOptions(9, 0.1, 2016, 2019,
                SampleCities.temporary("years"), SampleCityParameters.defaults())).summary();
        assertEquals(4 * AcsTables.TABLES.size(), s.count("acs_files"));
        assertEquals(0, s.count("housing_grant_applications"), "the housing grant starts in 2021");
        assertTrue(s.count("childcare_registrations") > 0);
    }

    @Test
    void parametersAndOptionsAreValidated() {
        SampleCityParameters d = SampleCityParameters.defaults();
        for (MessKind k : MessKind.values()) {
            assertEquals(k.defaultRate(), d.messRate(k));
        }
        assertEquals(0.5, d.withMessRate(MessKind.PO_BOX, 0.5).messRate(MessKind.PO_BOX));
        assertThrows(IllegalArgumentException.class, () -> d.withMessRate(MessKind.PO_BOX, 1.5));
        Map<String, Object> map = d.toMap();
        assertEquals(36_000, map.get("addressPointsPerScale"));
        assertTrue(((Map<?, ?>) map.get("messRates")).containsKey("unit_in_street_line"));
        assertEquals(MessKind.ZIP_WRONG, MessKind.ofCode("zip_wrong"));
        assertThrows(IllegalArgumentException.class, () -> new SampleCityOptions(1, 0, 2016, 2025, Path.of("x"), d));
        assertThrows(IllegalArgumentException.class, () -> new SampleCityOptions(1, 1, 2025, 2016, Path.of("x"), d));
    }
}
