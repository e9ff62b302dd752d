package org.equitylake.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every landing file against the contract of its layout (data-contracts/landing). */
class ContractConformanceTest {
    /** Mess that may leave a required field empty. */
    private static final List<String> EMPTYING = List.of("missing_fields", "unmatchable_address", "malformed_row");
    private static final Set<String> SHAPEFILE_COMPANIONS = Set.of("shx", "dbf", "prj", "cpg");

    private static Path landing;
    private static List<LandingContracts.Contract> contracts;
    private static Truth truth;
    private static List<String> files;

    @BeforeAll
    static void load() throws IOException {
        SampleCities.City city = SampleCities.defaultCity();
        landing = city.landing();
        contracts = LandingContracts.load();
        truth = new Truth(city.truth());
        try (Stream<Path> walk = Files.walk(landing)) {
            files = walk.filter(Files::isRegularFile).map(p -> landing.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static List<LandingContracts.Contract> candidates(String file) {
        return contracts.stream().filter(c -> c.covers(file)).toList();
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }

    @Test
    void everyLandingFileHasAContract() {
        List<String> orphans = files.stream().filter(f -> !SHAPEFILE_COMPANIONS.contains(extension(f)))
                .filter(f -> candidates(f).isEmpty()).toList();
        assertEquals(List.of(), orphans);
        Set<String> described = new HashSet<>();
        files.forEach(f -> candidates(f).forEach(c -> described.add(c.id())));
        assertEquals(contracts.size(), described.size(), "every contract describes at least one file");
    }

    @Test
    void csvHeadersAreTheContractColumnsExceptInThePlantedUnknownFile() {
        int unknown = 0;
        for (String file : files) {
            if (!extension(file).equals("csv")) {
                continue;
            }
            List<String> header = TestCsv.read(landing.resolve(file)).get(0);
            long matching = candidates(file).stream().filter(c -> c.columns().equals(header)).count();
            Map<String, String> fileTruth = truth.files.get(file);
            if (fileTruth != null && fileTruth.get("file_mess").equals("unknown_header")) {
                assertEquals(0, matching, file + " was planted with an unknown header");
                unknown++;
            } else {
                assertEquals(1, matching, file + ": header " + header);
            }
        }
        assertTrue(unknown >= 1, "at least one file with an unknown header");
    }

    @Test
    void csvRecordsHaveEveryFieldAndTheirRequiredValues() {
        long checked = 0;
        for (String file : files) {
            if (!extension(file).equals("csv")) {
                continue;
            }
            List<List<String>> rows = TestCsv.read(landing.resolve(file));
            List<String> header = rows.get(0);
            LandingContracts.Contract c = candidates(file).stream().filter(k -> k.columns().equals(header)).findFirst().orElse(null);
            if (c == null) {
                continue;
            }
            int first = 1;
            if ("1".equals(c.custom().get("headerLabelRows"))) {
                assertEquals("Geography", rows.get(1).get(0), file + ": label row");
                first = 2;
            }
            Map<String, String> fileTruth = truth.files.get(file);
            int bad = 0;
            for (List<String> row : rows.subList(first, rows.size())) {
                if (row.size() != header.size()) {
                    bad++;
                    continue;
                }
                Map<String, String> record = fileTruth == null ? null
                        : truth.byRecord.get(Truth.key(fileTruth.get("program"), fileTruth.get("entity"), row.get(0)));
                if (fileTruth != null) {
                    assertNotNull(record, file + ": record " + row.get(0) + " is not in the truth");
                }
                for (int i = 0; i < header.size(); i++) {
                    if (c.properties().get(i).required() && row.get(i).isBlank()) {
                        Map<String, String> r = record;
                        assertTrue(r != null && EMPTYING.stream().anyMatch(k -> Truth.has(r, k)),
                                file + ": required " + header.get(i) + " is empty in " + row.get(0));
                    }
                }
                checked++;
            }
            int malformed = fileTruth == null ? 0 : Integer.parseInt(fileTruth.get("malformed_records"));
            assertTrue(bad >= malformed && bad <= 2 * malformed, file + ": " + bad + " unreadable records for " + malformed + " malformed");
        }
        assertTrue(checked > 20_000, "records checked: " + checked);
    }

    @Test
    void jsonLinesCarryEveryContractKey() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        int lines = 0;
        for (String file : files) {
            if (!extension(file).equals("jsonl")) {
                continue;
            }
            LandingContracts.Contract c = candidates(file).get(0);
            int bad = 0;
            for (String line : Files.readAllLines(landing.resolve(file))) {
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    bad++;
                    continue;
                }
                if (!node.isObject()) {
                    bad++;
                    continue;
                }
                Map<String, String> record = truth.byRecord.get(Truth.key("housing_grant", "applications", node.path("application_id").asText()));
                assertNotNull(record, file + ": " + node.path("application_id"));
                checkObject(file, node, c.properties(), record);
                lines++;
            }
            int malformed = Integer.parseInt(truth.files.get(file).get("malformed_records"));
            assertTrue(bad >= malformed && bad <= 2 * malformed, file + ": " + bad + " unreadable lines for " + malformed + " malformed");
            assertTrue(Files.readAllLines(landing.resolve(file)).stream().findFirst().map(l -> {
                try {
                    return json.readTree(l).isObject();
                } catch (IOException e) {
                    return false;
                }
            }).orElse(true), file + ": the first line parses, so a reader can tell the layout");
        }
        assertTrue(lines > 1000, "JSON lines checked: " + lines);
    }

    private static void checkObject(String file, JsonNode node, List<LandingContracts.Prop> props, Map<String, String> record) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertEquals(props.stream().map(LandingContracts.Prop::name).toList(), keys, file);
        for (LandingContracts.Prop p : props) {
            JsonNode v = node.get(p.name());
            if (p.required() && (v.isNull() || v.asText().isEmpty() && v.isTextual())) {
                assertTrue(EMPTYING.stream().anyMatch(k -> Truth.has(record, k)), file + ": required " + p.name() + " is empty");
            }
            if (p.logicalType().equals("object") && !v.isNull()) {
                checkObject(file, v, p.properties(), record);
            }
        }
    }

    @Test
    void geoJsonFeaturesCarryTheContractAttributes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String file : files) {
            if (!extension(file).equals("geojson")) {
                continue;
            }
            LandingContracts.Contract c = candidates(file).get(0);
            JsonNode root = json.readTree(landing.resolve(file).toFile());
            assertEquals("FeatureCollection", root.path("type").asText());
            assertFalse(root.path("features").isEmpty());
            for (JsonNode f : root.path("features")) {
                List<String> keys = new ArrayList<>();
                f.path("properties").fieldNames().forEachRemaining(keys::add);
                assertEquals(c.attributes(), keys, file);
                assertTrue(Set.of("Polygon", "MultiPolygon").contains(f.path("geometry").path("type").asText()));
            }
        }
    }
}
