package org.equitylake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The whole configuration, read once and validated before Spark starts.
 * Layers, last wins: reference.conf (in the jar, from conf/), the --conf file, command-line overrides.
 */
public record Settings(
        String profile,
        String lakeRoot,
        String landingRoot,
        SparkSettings spark,
        PrivacySettings privacy,
        List<ProgramSettings> programs,
        GeocodeSettings geocode,
        Config config) {

    public static final String ROOT = "equity-lake";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(key|secret|password|token).*");
    /** Sections whose keys are free-form, so they are not checked against reference.conf. */
    private static final List<String> FREE_FORM = List.of(ROOT + ".spark.extra", ROOT + ".programs",
            ROOT + ".vocabularies", ROOT + ".sample.parameters");

    public record SparkSettings(String master, int shufflePartitions, String eventLogDir, boolean uiEnabled,
                                Map<String, String> extra) {}

    public record PrivacySettings(String hmacKey, int suppressionThreshold) {}

    /** A program; {@code config} holds its source mappings, read by the silver job. */
    public record ProgramSettings(String code, String name, int firstYear, Config config) {}

    public record GeocodeSettings(double fuzzyStreetThreshold) {}

    public static Settings defaults() {
        return load(Optional.empty(), Map.of());
    }

    /** Reads and validates; throws {@link SettingsException} with a one-line reason. */
    public static Settings load(Optional<Path> confFile, Map<String, String> overrides) {
        String source = confFile.map(Path::toString).orElse("reference.conf");
        try {
            Config reference = ConfigFactory.parseResources(Settings.class.getClassLoader(), "reference.conf");
            if (reference.isEmpty()) {
                throw new SettingsException("reference.conf is missing from the classpath");
            }
            Config file = ConfigFactory.empty();
            if (confFile.isPresent()) {
                if (!Files.isRegularFile(confFile.get())) {
                    throw new SettingsException("configuration file not found: " + confFile.get());
                }
                file = ConfigFactory.parseFile(confFile.get().toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            }
            Config commandLine = ConfigFactory.parseMap(overrides, "command line");
            Config merged = commandLine.withFallback(file).withFallback(reference).resolve();
            Config resolvedReference = reference.resolve();
            merged.checkValid(resolvedReference, ROOT);
            rejectUnknownKeys(file.withFallback(commandLine), resolvedReference, source);
            return fromConfig(merged);
        } catch (ConfigException.ValidationFailed e) {
            ConfigException.ValidationProblem first = e.problems().iterator().next();
            throw new SettingsException(source + ": " + first.path() + ": " + first.problem()
                    + " (" + first.origin().description() + ")");
        } catch (ConfigException e) {
            throw new SettingsException(source + ": " + e.getMessage());
        }
    }

    private static void rejectUnknownKeys(Config given, Config reference, String source) {
        for (Map.Entry<String, ConfigValue> entry : given.entrySet()) {
            String key = entry.getKey();
            if (FREE_FORM.stream().anyMatch(key::startsWith) || reference.hasPathOrNull(key)) {
                continue;
            }
            throw new SettingsException(source + ": unknown key " + key
                    + " (" + entry.getValue().origin().description() + ")");
        }
    }

    private static Settings fromConfig(Config all) {
        Config c = all.getConfig(ROOT);
        String profile = c.getString("profile");
        if (!profile.equals("demo") && !profile.equals("production")) {
            throw new ConfigException.BadValue(c.origin(), ROOT + ".profile", "must be demo or production, was " + profile);
        }
        Config spark = c.getConfig("spark");
        Map<String, String> extra = new TreeMap<>();
        spark.getConfig("extra").entrySet().forEach(e -> extra.put(stripQuotes(e.getKey()), String.valueOf(e.getValue().unwrapped())));
        int partitions = spark.getInt("shuffle-partitions");
        if (partitions < 1) {
            throw new ConfigException.BadValue(spark.origin(), ROOT + ".spark.shuffle-partitions", "must be at least 1");
        }
        Config privacy = c.getConfig("privacy");
        List<ProgramSettings> programs = new ArrayList<>();
        for (Config p : c.getConfigList("programs")) {
            programs.add(new ProgramSettings(p.getString("code"), p.getString("name"), p.getInt("first-year"), p));
        }
        Config geocode = c.getConfig("geocode");
        return new Settings(profile, requireNonBlank(c, "lake.root"), requireNonBlank(c, "landing.root"),
                new SparkSettings(spark.getString("master"), partitions, spark.getString("event-log-dir"),
                        spark.getBoolean("ui-enabled"), Map.copyOf(extra)),
                new PrivacySettings(privacy.getString("hmac-key"), privacy.getInt("suppression-threshold")),
                List.copyOf(programs),
                new GeocodeSettings(geocode.getDouble("fuzzy-street-threshold")),
                all);
    }

    private static String requireNonBlank(Config c, String key) {
        String value = c.getString(key);
        if (value.isBlank()) {
            throw new ConfigException.BadValue(c.origin(), ROOT + "." + key, "must not be empty");
        }
        return value;
    }

    private static String stripQuotes(String key) {
        return key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    public boolean isDemo() {
        return profile.equals("demo");
    }

    public ProgramSettings program(String code) {
        return programs.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new SettingsException("unknown program " + code + "; configured: "
                        + programs.stream().map(ProgramSettings::code).toList()));
    }

    /** The pseudonymisation key; the demo profile may fall back to a fixed, public one. */
    public String hmacKey() {
        if (!privacy.hmacKey().isBlank()) {
            return privacy.hmacKey();
        }
        if (isDemo()) {
            return "equity-lake-demo-key-not-secret";
        }
        throw new SettingsException(ROOT + ".privacy.hmac-key is empty: set EQUITY_LAKE_HMAC_KEY (required outside the demo profile)");
    }

    /** The settings as `key = value` lines, secrets masked, for the run log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(toMap(config.getConfig(ROOT))).forEach((k, v) -> {
            // Programs and vocabularies are long and live in files under version control; their names suffice.
            if (!k.startsWith("programs") && !k.startsWith("vocabularies")) {
                lines.add(ROOT + "." + k + " = " + (SECRET_KEY.matcher(k).matches() && !v.isEmpty() ? "****" : v));
            }
        });
        lines.add(ROOT + ".programs = " + programs.stream().map(ProgramSettings::code).toList());
        return lines;
    }

    private static Map<String, String> toMap(Config c) {
        Map<String, String> out = new TreeMap<>();
        c.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().render(ConfigRenderOptions.concise())));
        return out;
    }
}
