package io.dishtayantra.runtime.metrics;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /metrics} in the Prometheus text format; open without credentials, like the health probes. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MetricsController {

    private final RuntimeMetrics metrics;

    public MetricsController(RuntimeMetrics metrics) {
        this.metrics = metrics;
    }

    @Get("/metrics")
    public HttpResponse<String> scrape() {
        return HttpResponse.ok(metrics.scrape()).header("Content-Type", RuntimeMetrics.CONTENT_TYPE);
    }
}
