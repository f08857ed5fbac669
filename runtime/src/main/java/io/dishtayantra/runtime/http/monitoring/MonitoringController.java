package io.dishtayantra.runtime.http.monitoring;

import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/v1/system}: the machine, the process, DAG totals and calculator kinds (admin only). */
@Controller("/api/v1/system")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MonitoringController {

    private final SystemMonitor monitor = new SystemMonitor();
    private final Engine engine;

    /** The monitoring page's data. */
    public record SystemReport(SystemMonitor.Snapshot system, Map<String, Integer> dagsByState,
            List<CalculatorKinds.KindStatus> calculatorKinds) {
    }

    public MonitoringController(Engine engine) {
        this.engine = engine;
    }

    @Get
    public SystemReport system() {
        Map<String, Integer> byState = new TreeMap<>();
        for (DagState state : DagState.values()) {
            byState.put(state.name(), 0);
        }
        for (DagInstance dag : engine.list()) {
            byState.merge(dag.state().name(), 1, Integer::sum);
        }
        ClassLoader plugins = engine.services().calculators().pluginClassLoader();
        return new SystemReport(monitor.snapshot(), byState, CalculatorKinds.list(plugins));
    }
}
