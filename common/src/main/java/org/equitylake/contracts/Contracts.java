package org.equitylake.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every contract in {@code data-contracts/}, read from the classpath (the jar carries them). */
public final class Contracts {
    private static final String ROOT = "data-contracts";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static volatile Contracts bundled;

    private final Map<String, Contract> byId;

    public Contracts(List<Contract> contracts) {
        Map<String, Contract> map = new LinkedHashMap<>();
        for (Contract c : contracts) {
            if (map.putIfAbsent(c.id(), c) != null) {
                throw new ContractException("two contracts share the id " + c.id() + ": " + map.get(c.id()).resource() + ", " + c.resource());
            }
        }
        this.byId = map;
    }

    /** The contracts that ship with this build. */
    public static Contracts bundled() {
        if (bundled == null) {
            synchronized (Contracts.class) {
                if (bundled == null) {
                    bundled = new Contracts(loadClasspath());
                }
            }
        }
        return bundled;
    }

    public List<Contract> all() {
        return List.copyOf(byId.values());
    }

    public List<Contract> inLayer(String layer) {
        return byId.values().stream().filter(c -> c.layer().equals(layer)).toList();
    }

    public Contract byId(String id) {
        Contract c = byId.get(id);
        if (c == null) {
            throw new ContractException("no contract with id " + id);
        }
        return c;
    }

    /** The contract of a table (silver, gold, ops), found by its customProperties {@code table}. */
    public Contract forTable(String qualifiedTable) {
        return byId.values().stream().filter(c -> c.custom("table").map(qualifiedTable::equals).orElse(false))
                .findFirst().orElseThrow(() -> new ContractException("no contract for table " + qualifiedTable));
    }

    private static List<Contract> loadClasspath() {
        URL url = Contracts.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            throw new ContractException(ROOT + "/ is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return loadDirectory(fs.getPath(ROOT));
            }
            return loadDirectory(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new ContractException("cannot list " + ROOT + ": " + e.getMessage(), e);
        }
    }

    public static List<Contract> loadDirectory(Path dir) throws IOException {
        List<Contract> contracts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted(Comparator.comparing(Path::toString)).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    contracts.add(parse(in, dir.relativize(file).toString()));
                }
            }
        }
        return contracts;
    }

    public static Contract parse(InputStream yaml, String resource) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ContractException(resource + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !"DataContract".equals(root.path("kind").asText())) {
            throw new ContractException(resource + ": not an ODCS DataContract (kind)");
        }
        Map<String, String> custom = new LinkedHashMap<>();
        root.path("customProperties").forEach(p -> custom.put(p.path("property").asText(), p.path("value").asText()));
        JsonNode schema = root.path("schema");
        if (!schema.isArray() || schema.isEmpty()) {
            throw new ContractException(resource + ": schema is empty");
        }
        return new Contract(text(root, "id", resource), root.path("name").asText(""),
                root.path("description").path("purpose").asText(""), Map.copyOf(custom),
                properties(schema.get(0).path("properties")), resource);
    }

    private static List<Contract.Property> properties(JsonNode array) {
        List<Contract.Property> out = new ArrayList<>();
        array.forEach(p -> out.add(new Contract.Property(
                p.path("name").asText(), p.path("logicalType").asText(null), p.path("physicalType").asText(null),
                p.path("required").asBoolean(false), p.path("primaryKey").asBoolean(false),
                p.path("classification").asText(null), p.path("description").asText(null),
                properties(p.path("properties")))));
        return List.copyOf(out);
    }

    private static String text(JsonNode node, String field, String resource) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new ContractException(resource + ": " + field + " is missing");
        }
        return value;
    }
}
