package org.equitylake.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--conf", paramLabel = "FILE", description = "HOCON file overlaid on the defaults (e.g. conf/s3.conf).")
    Path conf;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Process what had landed by this day (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--program", paramLabel = "CODE", description = "Only this program (default: all configured programs).")
    String program;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, e.g. --set equity-lake.spark.shuffle-partitions=4.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Print stack traces on failure.")
    boolean verbose;

    Optional<Path> confFile() {
        return Optional.ofNullable(conf);
    }

    LocalDate asOfOrToday() {
        return asOf != null ? asOf : LocalDate.now(java.time.ZoneOffset.UTC);
    }

    Optional<String> programCode() {
        return Optional.ofNullable(program);
    }
}
