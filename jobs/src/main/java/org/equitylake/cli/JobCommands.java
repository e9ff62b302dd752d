package org.equitylake.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import org.equitylake.jobs.Job;
import org.equitylake.jobs.JobRunner;
import org.equitylake.jobs.Pipeline;
import org.equitylake.spark.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The Spark job commands; each is a thin shell over a {@link Job} from {@link Pipeline}. */
final class JobCommands {
    private JobCommands() {}

    abstract static class JobCommand implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @picocli.CommandLine.Option(names = "--force",
                description = "Run every job, also one whose last complete run had the same build, settings, scope and tables (skipped by default).")
        boolean force;

        abstract List<Job> jobs(Settings settings);

        String sessionName() {
            return getClass().getAnnotation(Command.class).name();
        }

        /** Work before Spark starts (run-all generates the demo city here). */
        void prepare(Settings settings) {}

        /** Work after the jobs, in the same session (run-all prints its summary here). */
        void finish(JobRunner runner) {}

        @Override
        public Integer call() {
            Settings settings = Settings.load(options.confFile(), options.overrides);
            prepare(settings);
            SparkSession spark = SessionFactory.create(sessionName(), settings);
            try {
                JobRunner runner = new JobRunner(settings, spark, options.asOfOrToday(), options.programCode(), force);
                runner.logSettings();
                runner.runAll(jobs(settings));
                finish(runner);
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Land new files from the landing zone in bronze Delta tables, exactly once, with lineage.")
    static final class Ingest extends JobCommand {
        @picocli.CommandLine.Option(names = "--strict", description = "Fail when a file matches no contract (default: reject it and go on).")
        boolean strict;

        @Override
        List<Job> jobs(Settings settings) {
            return List.of(Pipeline.ingest(strict));
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = "Bronze to silver: standardize every layout, quarantine what cannot be used, resolve households, decide eligibility.")
    static final class Clean extends JobCommand {
        @Override
        List<Job> jobs(Settings settings) {
            return List.of(Pipeline.clean());
        }
    }

    @Command(name = "geocode", mixinStandardHelpOptions = true,
            description = "Match addresses to the city's address points; place them in tracts and districts; measure distance to the nearest open site.")
    static final class Geocode extends JobCommand {
        @Override
        List<Job> jobs(Settings settings) {
            return List.of(Pipeline.geocode());
        }
    }

    @Command(name = "indicators", mixinStandardHelpOptions = true,
            description = "Silver to gold: reach, disparities, distance equity, leakage, mismatch, equity index, unmet need, scorecard, quality.")
    static final class Indicators extends JobCommand {
        @Override
        List<Job> jobs(Settings settings) {
            return List.of(Pipeline.indicators());
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Hold every silver and gold table to its contract; fail on any breach.")
    static final class Check extends JobCommand {
        @Override
        List<Job> jobs(Settings settings) {
            return List.of(Pipeline.check());
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Comment the gold tables from their contracts and record their published versions in ops.publications.")
    static final class Publish extends JobCommand {
        @Override
        List<Job> jobs(Settings settings) {
            return List.of(Pipeline.publish());
        }
    }

    @Command(name = "maintain", mixinStandardHelpOptions = true,
            description = "OPTIMIZE every table and VACUUM files older than the retention (at least 7 days).")
    static final class Maintain extends JobCommand {
        @picocli.CommandLine.Option(names = "--retention-hours", defaultValue = "168",
                description = "VACUUM retention in hours; below 168 is refused. Default: ${DEFAULT-VALUE}.")
        int retentionHours;

        @Override
        List<Job> jobs(Settings settings) {
            return List.of(Pipeline.maintain(retentionHours));
        }
    }

    @Command(name = "run-all", mixinStandardHelpOptions = true,
            description = "The whole nightly pipeline in one session; on the demo profile, generates the sample city first if it is missing.")
    static final class RunAll extends JobCommand {
        @Override
        void prepare(Settings settings) {
            GenerateSampleCommand.generateDemoCityIfMissing(settings);
        }

        @Override
        List<Job> jobs(Settings settings) {
            return Pipeline.nightly();
        }

        @Override
        void finish(JobRunner runner) {
            System.out.println();
            org.equitylake.jobs.gold.IndicatorsJob.summary(runner.context("summary")).forEach(System.out::println);
        }
    }
}
