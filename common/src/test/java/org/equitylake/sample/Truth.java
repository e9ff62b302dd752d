package org.equitylake.sample;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The truth files of a generated city, read for the tests. */
final class Truth {
    final List<Map<String, String>> records;
    /** program|entity|record_id to its truth row. */
    final Map<String, Map<String, String>> byRecord = new HashMap<>();
    /** landing-relative file to its row of files.csv. */
    final Map<String, Map<String, String>> files = new HashMap<>();

    Truth(Path truth) {
        records = TestCsv.rows(truth.resolve("records.csv"));
        for (Map<String, String> r : records) {
            byRecord.put(key(r.get("program"), r.get("entity"), r.get("record_id")), r);
        }
        for (Map<String, String> f : TestCsv.rows(truth.resolve("files.csv"))) {
            files.put(f.get("file"), f);
        }
    }

    static String key(String program, String entity, String recordId) {
        return program + "|" + entity + "|" + recordId;
    }

    static boolean has(Map<String, String> record, String messKind) {
        return List.of(record.get("mess_kinds").split(";")).contains(messKind);
    }
}
