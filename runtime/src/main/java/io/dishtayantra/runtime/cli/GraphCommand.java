package io.dishtayantra.runtime.cli;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dishtayantra graph FILE [--format mermaid|dot]}: prints the graph of each DAG in a
 * manifest file. Problems found while parsing go to standard error and the graph is drawn from
 * what could be read, so that a diagram helps to find a wrong edge. Exit status 0 when a graph
 * was printed, 1 when the file contains no readable DAG, 2 on usage errors.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Prints the graph of the DAGs in a manifest file as Mermaid or Graphviz DOT.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed", "1:no readable DAG in the file", "2:usage error"})
public final class GraphCommand implements Callable<Integer> {

    /** Diagram languages. */
    public enum Format { mermaid, dot }

    @Parameters(index = "0", paramLabel = "FILE", description = "A DAG manifest file.")
    private Path file;

    @Option(names = "--format", defaultValue = "mermaid", paramLabel = "FORMAT",
            description = "mermaid (default) or dot.")
    private Format format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("graph: " + file + " is not a file; give one DAG manifest file.");
            return 2;
        }
        List<ManifestDocument> documents;
        try {
            documents = new ManifestLoader().load(file);
        } catch (IOException e) {
            err.println("graph: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        int drawn = 0;
        for (ManifestDocument document : documents) {
            for (ValidationProblem problem : document.problems()) {
                err.println(document.location() + ": " + problem);
            }
            if (!(document.resource() instanceof Dag dag) || dag.getSpec() == null) {
                continue;
            }
            if (drawn > 0) {
                out.println();
            }
            out.print(format == Format.dot ? DagDiagram.dot(dag) : DagDiagram.mermaid(dag));
            drawn++;
        }
        out.flush();
        err.flush();
        if (drawn == 0) {
            err.println("graph: " + file + " contains no readable DAG.");
            return 1;
        }
        return 0;
    }
}
