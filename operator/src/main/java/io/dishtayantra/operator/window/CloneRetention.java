package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.window.ClonePlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a template's dated clones beyond its {@code autoClone.keep} most recent ones. Thread-safe. */
public final class CloneRetention {

    private static final Logger LOG = LoggerFactory.getLogger(CloneRetention.class);

    private final KubernetesClient client;

    public CloneRetention(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Deletes the clones that {@link ClonePlan#toDelete} selects. Only DAGs labelled with the
     * template and named {@code <template>-<YYYYMMDD>} count as clones.
     *
     * @return names of the clones deleted, oldest first
     */
    public List<String> apply(Dag template, ClonePlan plan, Instant now) {
        String namespace = template.getMetadata().getNamespace();
        String templateName = template.getMetadata().getName();
        Map<LocalDate, String> clones = new HashMap<>();
        for (Dag dag : client.resources(Dag.class).inNamespace(namespace)
                .withLabel(CloneLabels.TEMPLATE, templateName).list().getItems()) {
            Optional<LocalDate> date = ClonePlan.cloneDate(templateName, dag.getMetadata().getName());
            date.ifPresent(value -> clones.put(value, dag.getMetadata().getName()));
        }

        List<String> deleted = new ArrayList<>();
        for (LocalDate date : plan.toDelete(clones.keySet(), now)) {
            String name = clones.get(date);
            client.resources(Dag.class).inNamespace(namespace).withName(name).delete();
            deleted.add(name);
            LOG.info("DAG {}/{}: deleted clone {}, which is older than the clones kept", namespace, templateName,
                    name);
        }
        return deleted;
    }
}
