package io.dishtayantra.runtime.cli;

import io.dishtayantra.runtime.logging.LogFormat;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code dishtayantra} command line. Subcommands are listed in
 * {@link #SUBCOMMANDS}; add a command by adding its class there.
 */
@Command(name = "dishtayantra", mixinStandardHelpOptions = true, versionProvider = DishtaYantraCli.Version.class,
        description = "Runs, checks and converts DishtaYantra DAG manifests.")
public final class DishtaYantraCli implements Runnable {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            RunCommand.class, ValidateCommand.class, ConvertCommand.class, GraphCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Chooses the log format before the first logger exists.
        LogFormat.configureFromEnvironment();
        System.exit(commandLine().execute(args));
    }

    /** Builds the command line with every subcommand; used by main and by tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DishtaYantraCli());
        for (Class<?> subcommand : SUBCOMMANDS) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads the version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DishtaYantraCli.class.getPackage().getImplementationVersion();
            return new String[] {"dishtayantra " + (version == null ? "(development build)" : version)};
        }
    }
}
