package org.equitylake.jobs.bronze;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.equitylake.contracts.Contract;

/** Decides which landing contract describes a file: by its path (the contract's glob) and its header. */
public final class LayoutDetector {
    /** A contract matched, or the reason none did. */
    public record Detection(Optional<Contract> contract, String reason) {
        static Detection of(Contract c) {
            return new Detection(Optional.of(c), "matched " + c.id());
        }

        static Detection rejected(String reason) {
            return new Detection(Optional.empty(), reason);
        }
    }

    private final List<Contract> landingContracts;

    public LayoutDetector(List<Contract> landingContracts) {
        this.landingContracts = List.copyOf(landingContracts);
    }

    /** The contracts whose landingGlob covers this path, in contract order. */
    public List<Contract> candidates(String relativePath) {
        List<Contract> out = new ArrayList<>();
        Path path = Path.of(relativePath);
        for (Contract c : landingContracts) {
            String glob = c.custom("landingGlob").orElse(null);
            if (glob == null) {
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (matcher.matches(path)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * For delimited files the header must list the contract's columns in order; for JSON Lines the
     * first object's keys must be the contract's top-level properties; geometry files match on path.
     */
    public Detection detect(String relativePath, Optional<List<String>> headerOrKeys) {
        List<Contract> candidates = candidates(relativePath);
        if (candidates.isEmpty()) {
            return Detection.rejected("no contract's landingGlob covers " + relativePath);
        }
        for (Contract c : candidates) {
            String format = c.custom("fileFormat").orElse("csv");
            if (format.equals("geojson") || format.equals("shapefile")) {
                return Detection.of(c);
            }
            if (headerOrKeys.isEmpty()) {
                // A day with no records exports an empty JSON Lines file; a CSV without its header is broken.
                if (format.equals("jsonl") && candidates.size() == 1) {
                    return Detection.of(c);
                }
                continue;
            }
            List<String> given = headerOrKeys.get().stream().map(String::trim).toList();
            boolean matches = format.equals("jsonl")
                    ? new TreeSet<>(given).equals(new TreeSet<>(c.columnNames()))
                    : given.equals(c.columnNames());
            if (matches) {
                return Detection.of(c);
            }
        }
        String expected = candidates.stream().map(Contract::id).toList().toString();
        return Detection.rejected(headerOrKeys.isEmpty()
                ? "empty file; expected a layout of " + expected
                : "header matches no layout of " + expected + "; unknown columns "
                        + unknownColumns(headerOrKeys.get(), candidates));
    }

    private static Set<String> unknownColumns(List<String> given, List<Contract> candidates) {
        Set<String> unknown = new TreeSet<>(given.stream().map(String::trim).toList());
        candidates.forEach(c -> unknown.removeAll(c.columnNames()));
        return unknown;
    }
}
