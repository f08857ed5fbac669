package io.dishtayantra.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command through picocli in-process and captures its exit status and output. */
record CommandRunner(int exitCode, String out, String err) {

    static CommandRunner run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRunner(exitCode, out.toString(), err.toString());
    }
}
