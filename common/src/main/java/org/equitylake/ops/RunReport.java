package org.equitylake.ops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one job run read, wrote and quarantined, per table; the row it leaves in ops.job_runs. */
public final class RunReport {
    private final String runId;
    private final String job;
    private final LocalDate asOf;
    private final Map<String, Long> read = new TreeMap<>();
    private final Map<String, Long> written = new TreeMap<>();
    private final Map<String, Long> quarantined = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    public RunReport(String runId, String job, LocalDate asOf) {
        this.runId = runId;
        this.job = job;
        this.asOf = asOf;
    }

    public String runId() {
        return runId;
    }

    public String job() {
        return job;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public synchronized void read(String table, long rows) {
        read.merge(table, rows, Long::sum);
    }

    public synchronized void written(String table, long rows) {
        written.merge(table, rows, Long::sum);
    }

    public synchronized void quarantined(String table, long rows) {
        quarantined.merge(table, rows, Long::sum);
    }

    /** A line worth keeping with the run (a rejected file, a reconciliation), shown in the log and the table. */
    public synchronized void note(String line) {
        notes.add(line);
    }

    public synchronized Map<String, Long> readCounts() {
        return Collections.unmodifiableMap(new TreeMap<>(read));
    }

    public synchronized Map<String, Long> writtenCounts() {
        return Collections.unmodifiableMap(new TreeMap<>(written));
    }

    public synchronized Map<String, Long> quarantinedCounts() {
        return Collections.unmodifiableMap(new TreeMap<>(quarantined));
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
