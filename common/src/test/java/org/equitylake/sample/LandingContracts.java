package org.equitylake.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The landing contracts as far as the sample-city tests need them: glob, format, columns and which are required. */
final class LandingContracts {
    record Prop(String name, String logicalType, boolean required, List<Prop> properties) {}

    record Contract(String id, Map<String, String> custom, List<Prop> properties) {
        String glob() {
            return custom.get("landingGlob");
        }

        String format() {
            return custom.get("fileFormat");
        }

        List<String> columns() {
            return properties.stream().map(Prop::name).toList();
        }

        /** The attribute columns of a geometry layout: everything but the geometry and SRID bronze derives. */
        List<String> attributes() {
            return columns().stream().filter(c -> !c.equals("geometry_wkb") && !c.equals("srid")).toList();
        }

        boolean covers(String relativePath) {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob()).matches(Path.of(relativePath));
        }
    }

    private LandingContracts() {}

    static Path repoRoot() {
        String configured = System.getProperty("equitylake.repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "data-contracts"))) {
            return Path.of(configured);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data-contracts"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("data-contracts/ not found above the working directory");
        }
        return p;
    }

    /** The sample city's landing contracts (the lint example is not one). */
    static List<Contract> load() {
        Path dir = repoRoot().resolve("data-contracts/landing");
        YAMLMapper yaml = new YAMLMapper();
        List<Contract> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("_")).sorted().toList()) {
                JsonNode root = yaml.readTree(f.toFile());
                Map<String, String> custom = new LinkedHashMap<>();
                root.path("customProperties").forEach(p -> custom.put(p.path("property").asText(), p.path("value").asText()));
                out.add(new Contract(root.path("id").asText(), custom, props(root.path("schema").get(0).path("properties"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Prop> props(JsonNode array) {
        List<Prop> out = new ArrayList<>();
        array.forEach(p -> out.add(new Prop(p.path("name").asText(), p.path("logicalType").asText(),
                p.path("required").asBoolean(false), props(p.path("properties")))));
        return out;
    }
}
