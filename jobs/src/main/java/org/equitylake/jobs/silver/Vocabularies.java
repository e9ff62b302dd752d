package org.equitylake.jobs.silver;

import java.io.Serializable;
import java.util.Map;
import org.equitylake.config.Settings;

/** The standard code lists every layout's values map to (conf: equity-lake.vocabularies). */
public record Vocabularies(Map<String, String> language, Map<String, String> raceEthnicity,
                           Map<String, String> raceEthnicityAcsGroup) implements Serializable {
    public static final String UNMAPPED = "unmapped";
    public static final String OTHER = "other";
    public static final String UNKNOWN = "unknown";

    public static Vocabularies of(Settings settings) {
        var v = settings.config().getConfig(Settings.ROOT + ".vocabularies");
        return new Vocabularies(ProgramSource.flat(v.getConfig("language")),
                ProgramSource.flat(v.getConfig("race-ethnicity")),
                ProgramSource.flat(v.getConfig("race-ethnicity-acs-group")));
    }
}
