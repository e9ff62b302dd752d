package org.equitylake.jobs.silver;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equitylake.config.Settings;
import org.equitylake.config.SettingsException;

/** One bronze table of a program and how its columns map onto silver's fields (from conf/programs). */
public record ProgramSource(
        String program,
        String table,
        String entity,
        List<String> dateFormats,
        String incomePeriod,
        Map<String, String> columns,
        Map<String, String> statusCodes,
        Optional<String> defaultStatus) {

    /** Silver fields every registration/application source must map. */
    static final List<String> REQUIRED_FIELDS = List.of("record-id", "application-date", "first-name", "last-name");

    public static List<ProgramSource> of(Settings.ProgramSettings program) {
        return program.config().getConfigList("sources").stream().map(c -> of(program.code(), c)).toList();
    }

    static ProgramSource of(String program, Config c) {
        Map<String, String> columns = flat(c.getConfig("columns"));
        String table = c.getString("table");
        for (String field : REQUIRED_FIELDS) {
            if (!columns.containsKey(field)) {
                throw new SettingsException("program " + program + " source " + table + ": columns." + field + " is not mapped");
            }
        }
        String period = c.hasPath("income-period") ? c.getString("income-period") : "annual";
        if (!period.equals("annual") && !period.equals("monthly")) {
            throw new SettingsException("program " + program + " source " + table + ": income-period must be annual or monthly");
        }
        Optional<String> defaultStatus = c.hasPath("default-status") ? Optional.of(c.getString("default-status")) : Optional.empty();
        if (!columns.containsKey("status") && defaultStatus.isEmpty()) {
            throw new SettingsException("program " + program + " source " + table + ": map columns.status or set default-status");
        }
        return new ProgramSource(program, table, c.getString("entity"), c.getStringList("date-formats"), period,
                columns, c.hasPath("status-codes") ? flat(c.getConfig("status-codes")) : Map.of(), defaultStatus);
    }

    /** The bronze column (or column.jsonField) of a silver field, if the layout has it. */
    public Optional<String> column(String field) {
        return Optional.ofNullable(columns.get(field));
    }

    static Map<String, String> flat(Config c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped())));
        return out;
    }

    private static String unquote(String key) {
        return key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }
}
