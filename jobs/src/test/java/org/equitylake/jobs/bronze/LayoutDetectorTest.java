package org.equitylake.jobs.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.junit.jupiter.api.Test;

class LayoutDetectorTest {
    private static Contract contract(String id, String glob, String format, String... columns) {
        StringBuilder yaml = new StringBuilder("apiVersion: v3.0.2\nkind: DataContract\nid: " + id + "\nversion: 1.0.0\nstatus: active\n"
                + "customProperties:\n  - {property: layer, value: landing}\n  - {property: landingGlob, value: '" + glob + "'}\n"
                + "  - {property: fileFormat, value: " + format + "}\n  - {property: bronzeTable, value: t_" + id.replace('-', '_') + "}\n"
                + "schema:\n  - name: t\n    properties:\n");
        for (String c : columns) {
            yaml.append("      - {name: '").append(c).append("', physicalType: string}\n");
        }
        return Contracts.parse(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)), id + ".yaml");
    }

    private final LayoutDetector detector = new LayoutDetector(List.of(
            contract("reg-v1", "childcare/registrations/*_registrations.csv", "csv", "RegID", "Parent First", "Income"),
            contract("reg-v2", "childcare/registrations/*_registrations.csv", "csv", "registration_id", "first_name", "income"),
            contract("apps", "housing_grant/applications/*.jsonl", "jsonl", "application_id", "address"),
            contract("tracts", "reference/*.geojson", "geojson")));

    @Test
    void theHeaderPicksTheLayoutAmongThoseThePathAllows() {
        var d = detector.detect("childcare/registrations/2019-09-03_registrations.csv",
                Optional.of(List.of("registration_id", " first_name", "income")));
        assertEquals("reg-v2", d.contract().orElseThrow().id());
        assertEquals("reg-v1", detector.detect("childcare/registrations/2016-09-03_registrations.csv",
                Optional.of(List.of("RegID", "Parent First", "Income"))).contract().orElseThrow().id());
    }

    @Test
    void anUnknownHeaderIsRejectedNamingTheColumnsNoLayoutKnows() {
        var d = detector.detect("childcare/registrations/2020-01-01_registrations.csv",
                Optional.of(List.of("registration_id", "given_name", "income")));
        assertTrue(d.contract().isEmpty());
        assertTrue(d.reason().contains("given_name"), d.reason());
        assertTrue(d.reason().contains("reg-v1") && d.reason().contains("reg-v2"), d.reason());
    }

    @Test
    void reorderedColumnsAreAnotherLayoutForCsvButNotForJsonLines() {
        assertTrue(detector.detect("childcare/registrations/2020-01-01_registrations.csv",
                Optional.of(List.of("first_name", "registration_id", "income"))).contract().isEmpty());
        assertEquals("apps", detector.detect("housing_grant/applications/2021-02-01_applications.jsonl",
                Optional.of(List.of("address", "application_id"))).contract().orElseThrow().id());
    }

    @Test
    void aFileNoContractCoversIsRejectedAndGeometryMatchesOnPath() {
        assertTrue(detector.detect("misc/notes.txt", Optional.of(List.of("x"))).reason().contains("no contract"));
        assertEquals("tracts", detector.detect("reference/census_tracts.geojson", Optional.empty()).contract().orElseThrow().id());
    }

    @Test
    void bronzeColumnsAreSnakeCase() {
        assertEquals("parent_first", BronzeColumns.of("Parent First"));
        assertEquals("reg_id", BronzeColumns.of("RegID"));
        assertEquals("b19001_001e", BronzeColumns.of("B19001_001E"));
        assertEquals("geo_id", BronzeColumns.of("GEO_ID"));
        assertEquals("household_income", BronzeColumns.of("Household Income ($)"));
    }
}
