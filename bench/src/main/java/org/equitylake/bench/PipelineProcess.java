package org.equitylake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the equity-lake CLI in its own JVM, as a scheduler would start it: the wall time includes
 * JVM and Spark start. Output goes to a log file beside the results.
 */
final class PipelineProcess {
    private final Path repo;
    private final String javaOpts;
    private final Map<String, String> settings;
    private final Optional<Path> eventLog;

    PipelineProcess(Path repo, String javaOpts, Map<String, String> settings, Optional<Path> eventLog) {
        this.repo = repo;
        this.javaOpts = javaOpts;
        this.settings = Map.copyOf(settings);
        this.eventLog = eventLog;
    }

    /** Runs `equity-lake run-all --as-of day` on the landing zone into the lake; returns its wall time. */
    Duration runAll(Path landing, Path lake, LocalDate asOf, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repo.resolve("bin/equity-lake").toString(), "run-all",
                "--as-of", asOf.toString()));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("EQUITY_LAKE_ROOT", lake.toAbsolutePath().toString());
        builder.environment().put("EQUITY_LAKE_LANDING", landing.toAbsolutePath().toString());
        builder.environment().put("EQUITY_LAKE_JAVA_OPTS", javaOpts);
        if (eventLog.isPresent()) {
            Files.createDirectories(eventLog.get());
            builder.environment().put("EQUITY_LAKE_EVENT_LOG_DIR", eventLog.get().toAbsolutePath().toUri().toString());
        }
        Files.createDirectories(log.getParent());
        Instant started = Instant.now();
        int exit = builder.start().waitFor();
        Duration wall = Duration.between(started, Instant.now());
        if (exit != 0) {
            throw new IllegalStateException("run-all --as-of " + asOf + " exited with " + exit + "; see " + log);
        }
        return wall;
    }
}
