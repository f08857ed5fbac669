package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.window.ClonePlan;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's part of dated clones: creates a template's due clones that are missing (first
 * install, a missed CronJob run) and applies retention. Thread-safe.
 */
public final class CloneCatchUp {

    private final CloneWriter writer;
    private final CloneRetention retention;

    public CloneCatchUp(KubernetesClient client) {
        this.writer = new CloneWriter(client);
        this.retention = new CloneRetention(client);
    }

    /**
     * Creates missing due clones, then deletes clones beyond {@code keep}.
     *
     * @param schedule the template's schedule, not pinned
     * @return what was created and deleted
     */
    public Result reconcile(Dag template, WindowSchedule schedule, Instant now) {
        ClonePlan plan = new ClonePlan(schedule);
        List<String> created = writer.ensureClones(template, plan.dueAt(now));
        List<String> deleted = retention.apply(template, plan, now);
        return new Result(created, deleted);
    }

    /**
     * Names of the clones one catch-up created and deleted.
     *
     * @param created clones created, in occurrence order
     * @param deleted clones deleted, oldest first
     */
    public record Result(List<String> created, List<String> deleted) {

        public Result {
            created = List.copyOf(new ArrayList<>(created));
            deleted = List.copyOf(new ArrayList<>(deleted));
        }
    }
}
