package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.ClonePlan;
import io.dishtayantra.crd.window.Occurrence;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code clone} command that a template's CronJob runs: creates the dated clones of the
 * current and following occurrences that do not exist yet. A second run creates nothing.
 *
 * <p>Its ServiceAccount may only list and create DAGs, so the window comes from the CronJob
 * itself: the environment variable {@value #WINDOW_ENV} contains the TimeWindow spec as JSON, and
 * the operator rewrites the CronJob whenever the window changes.
 *
 * <p>Usage: {@code clone --namespace NAMESPACE --template DAG}.
 */
public final class CloneCommand {

    /** Environment variable with the template's window spec as JSON. */
    public static final String WINDOW_ENV = "DISHTAYANTRA_WINDOW";

    /** Exit code for a usage error, such as a missing option. */
    public static final int USAGE_ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CloneCommand.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final KubernetesClient client;
    private final Clock clock;

    /**
     * @param client a client whose credentials may list and create DAGs in the namespace
     * @param clock the clock that decides which occurrence is current
     */
    public CloneCommand(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Parses the arguments and runs the command.
     *
     * @param args the arguments after {@code clone}
     * @param env the process environment, read for {@value #WINDOW_ENV}
     * @return the exit code: 0 on success, 1 when the run failed, {@value #USAGE_ERROR} on a usage error
     */
    public int execute(List<String> args, Map<String, String> env) {
        Optional<String> namespace = option(args, "--namespace");
        Optional<String> template = option(args, "--template");
        String windowJson = env.get(WINDOW_ENV);
        if (namespace.isEmpty() || template.isEmpty() || windowJson == null || windowJson.isBlank()) {
            System.err.println("usage: clone --namespace NAMESPACE --template DAG, with the window spec as JSON in "
                    + WINDOW_ENV);
            return USAGE_ERROR;
        }
        try {
            TimeWindowSpec window = SERIALIZATION.unmarshal(windowJson, TimeWindowSpec.class);
            run(namespace.get(), template.get(), window);
            return 0;
        } catch (RuntimeException e) {
            LOG.error("clone of DAG {}/{} failed: {}", namespace.get(), template.get(), e.getMessage(), e);
            return 1;
        }
    }

    /**
     * Creates the clones due at the clock's current instant.
     *
     * @return names of the clones created; empty when they all existed
     * @throws IllegalStateException when the template DAG does not exist
     * @throws io.dishtayantra.crd.window.InvalidWindowException when the window is invalid
     */
    public List<String> run(String namespace, String templateName, TimeWindowSpec window) {
        Instant now = clock.instant();
        Dag template = client.resources(Dag.class).inNamespace(namespace).list().getItems().stream()
                .filter(dag -> dag.getMetadata().getName().equals(templateName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template DAG " + namespace + "/" + templateName
                        + " not found; the CronJob outlived its template, so delete the CronJob"));

        List<Occurrence> due = new ClonePlan(WindowSchedule.of(window)).forCloneRun(now);
        List<String> created = new CloneWriter(client).ensureClones(template, due);
        LOG.info("clone of DAG {}/{} at {}: {} due, created {}", namespace, templateName, now,
                due.stream().map(occurrence -> ClonePlan.cloneName(templateName, occurrence.date())).toList(),
                created);
        return created;
    }

    private static Optional<String> option(List<String> args, String name) {
        int index = args.indexOf(name);
        if (index < 0 || index + 1 >= args.size()) {
            return Optional.empty();
        }
        return Optional.of(args.get(index + 1));
    }
}
