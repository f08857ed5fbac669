package io.dishtayantra.runtime.http.monitoring;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/system}: the machine, the process, DAG totals and calculator kinds (admin only). */
@Controller("/api/v1/system")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MonitoringController {

    private final SystemMonitor monitor = new SystemMonitor();

    /** What the monitoring page shows. */
    public record SystemReport(SystemMonitor.Snapshot system, Map<String, Integer> dagsByState,
            List<CalculatorKinds.KindStatus> calculatorKinds) {
    }

    @Get
    public SystemReport system() {
        return new SystemReport(monitor.snapshot(), Map.of(), CalculatorKinds.list(getClass().getClassLoader()));
    }
}
