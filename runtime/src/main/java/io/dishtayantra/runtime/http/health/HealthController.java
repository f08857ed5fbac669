package io.dishtayantra.runtime.http.health;

import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagSnapshot;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.PublisherSnapshot;
import io.dishtayantra.runtime.engine.SubscriberSnapshot;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kubernetes probes, open without credentials. Liveness: the server responds. Readiness: every
 * DAG given at start-up is loaded, none is starting, stopping or failed, and every subscriber
 * and publisher of a running DAG is connected. A suspended DAG's connectors are not checked,
 * because a paused source may close its connection; a stopped DAG was stopped on purpose and is
 * not checked either.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {

    private final Engine engine;
    private final LoadingState loading;

    /** The probe's response body: UP or DOWN, with every reason for DOWN. */
    public record Health(String status, List<String> reasons) {
    }

    public HealthController(Engine engine, LoadingState loading) {
        this.engine = engine;
        this.loading = loading;
    }

    @Get("/live")
    public Health live() {
        return new Health("UP", List.of());
    }

    @Get("/ready")
    public HttpResponse<Health> ready() {
        List<String> reasons = new ArrayList<>();
        if (!loading.loaded()) {
            reasons.add("The DAGs are still being loaded.");
        }
        List<DagSnapshot> snapshots = engine.list().stream().map(DagInstance::snapshot)
                .sorted(Comparator.comparing(DagSnapshot::name)).toList();
        for (DagSnapshot dag : snapshots) {
            reasons.addAll(problems(dag));
        }
        if (reasons.isEmpty()) {
            return HttpResponse.ok(new Health("UP", List.of()));
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN", reasons));
    }

    private static List<String> problems(DagSnapshot dag) {
        List<String> reasons = new ArrayList<>();
        DagState state = dag.state();
        switch (state) {
            case CREATED -> reasons.add("DAG " + dag.name() + " is not started yet.");
            case STOPPING -> reasons.add("DAG " + dag.name() + " is stopping.");
            case FAILED -> reasons.add("DAG " + dag.name() + " failed: " + dag.message());
            default -> {
            }
        }
        if (state != DagState.RUNNING) {
            return reasons;
        }
        for (SubscriberSnapshot subscriber : dag.subscribers()) {
            if (!subscriber.health().connected()) {
                reasons.add("DAG " + dag.name() + ": subscriber " + subscriber.name() + " is not connected"
                        + reason(subscriber.health().reason()));
            }
        }
        for (PublisherSnapshot publisher : dag.publishers()) {
            if (!publisher.health().connected()) {
                reasons.add("DAG " + dag.name() + ": publisher " + publisher.name() + " is not connected"
                        + reason(publisher.health().reason()));
            }
        }
        return reasons;
    }

    private static String reason(String why) {
        return why == null ? "." : ": " + why + ".";
    }
}
