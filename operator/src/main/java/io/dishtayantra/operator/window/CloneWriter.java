package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.window.ClonePlan;
import io.dishtayantra.crd.window.Occurrence;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the dated clones of a template that are missing, and leaves existing ones alone. Needs
 * only the {@code list} and {@code create} verbs on DAGs, which is all the {@code clone} command's
 * ServiceAccount may do. Thread-safe.
 */
public final class CloneWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CloneWriter.class);

    private final KubernetesClient client;

    public CloneWriter(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Creates the clones of {@code occurrences} that do not exist yet.
     *
     * @return names of the clones created, in occurrence order; empty when all existed
     * @throws KubernetesClientException when listing or creating fails for another reason than the
     *     clone already existing
     */
    public List<String> ensureClones(Dag template, List<Occurrence> occurrences) {
        String namespace = template.getMetadata().getNamespace();
        String templateName = template.getMetadata().getName();
        Set<String> existing = client.resources(Dag.class).inNamespace(namespace).list().getItems().stream()
                .map(dag -> dag.getMetadata().getName())
                .collect(Collectors.toSet());

        List<String> created = new ArrayList<>();
        for (Occurrence occurrence : occurrences) {
            String name = ClonePlan.cloneName(templateName, occurrence.date());
            if (existing.contains(name)) {
                LOG.debug("DAG {}/{}: clone {} exists, left alone", namespace, templateName, name);
                continue;
            }
            try {
                client.resources(Dag.class).inNamespace(namespace).resource(CloneFactory.cloneOf(template,
                        occurrence.date())).create();
                created.add(name);
                LOG.info("DAG {}/{}: created clone {} for the occurrence {} to {}", namespace, templateName, name,
                        occurrence.opens(), occurrence.closes());
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                LOG.info("DAG {}/{}: clone {} was created concurrently, left alone", namespace, templateName, name);
            }
        }
        return created;
    }
}
