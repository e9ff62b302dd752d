package org.equitylake.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import org.equitylake.config.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The equity-lake command: one subcommand per job, the same arguments locally and under spark-submit. */
@Command(name = "equity-lake", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A data lake that shows a city who its programs actually reach.",
        subcommands = {
            GenerateSampleCommand.class,
            JobCommands.Ingest.class,
            JobCommands.Clean.class,
            JobCommands.Geocode.class,
            JobCommands.Indicators.class,
            JobCommands.Check.class,
            JobCommands.Publish.class,
            JobCommands.Maintain.class,
            JobCommands.RunAll.class,
            CommandLine.HelpCommand.class
        })
public final class EquityLake implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit code; never calls System.exit, so tests can use it. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new EquityLake());
        for (CommandPlugin plugin : ServiceLoader.load(CommandPlugin.class)) {
            plugin.commands().forEach(cli::addSubcommand);
        }
        cli.setExecutionExceptionHandler(EquityLake::oneLineFailure);
        return cli.execute(args);
    }

    private static int oneLineFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed.subcommands().stream().anyMatch(s -> s.hasMatchedOption("--verbose"));
        if (verbose) {
            e.printStackTrace(err);
        }
        String what = e instanceof SettingsException ? "configuration error" : "failed";
        err.println("equity-lake " + cli.getCommandName() + " " + what + ": " + rootMessage(e)
                + (verbose ? "" : " (--verbose for the stack trace)"));
        err.flush();
        return 1;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
