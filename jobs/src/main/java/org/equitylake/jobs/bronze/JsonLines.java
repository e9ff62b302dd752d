package org.equitylake.jobs.bronze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One JSON Lines record against a contract's top-level properties; nested values are kept as JSON text. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    static Optional<List<String>> keys(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return Optional.of(keys);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The values in contract order, or a record whose problem says why there are none. */
    static CsvRecords.Record toRecord(long number, String line, List<String> columns) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new CsvRecords.Record(number, line, List.of(), "invalid_json");
        }
        if (node == null || !node.isObject()) {
            return new CsvRecords.Record(number, line, List.of(), "not_a_json_object");
        }
        Set<String> unexpected = new TreeSet<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!columns.contains(k)) {
                unexpected.add(k);
            }
        });
        if (!unexpected.isEmpty()) {
            return new CsvRecords.Record(number, line, List.of(), "unexpected_fields " + unexpected);
        }
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            JsonNode v = node.get(column);
            values.add(v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
        }
        return new CsvRecords.Record(number, line, values, null);
    }
}
