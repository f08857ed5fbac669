package io.dishtayantra.runtime.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagSnapshot;
import io.dishtayantra.runtime.engine.NodeSnapshot;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The DAG API under {@code /api/v1/dags}: list, details, lifecycle actions, add, delete, clone, events, outputs. */
@Controller("/api/v1/dags")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DagController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DagService dags;
    private final EventInjector events;

    public DagController(DagService dags, EventInjector events) {
        this.dags = dags;
        this.events = events;
    }

    @Get
    public DagViews.DagList list() {
        List<DagViews.DagSummary> summaries = dags.engine().list().stream()
                .map(DagInstance::snapshot)
                .sorted(Comparator.comparing(DagSnapshot::name))
                .map(DagViews::summary)
                .toList();
        return new DagViews.DagList(summaries);
    }

    @Get("/{name}")
    public DagViews.DagDetails details(String name) {
        DagInstance dag = dags.dag(name);
        return DagViews.details(dag.snapshot(), dag.dag());
    }

    /** Suspends, resumes, stops or starts a DAG and returns its new details. */
    @Post("/{name}/{action:suspend|resume|stop|start}")
    public DagViews.DagDetails act(String name, String action) {
        DagInstance dag = dags.act(name, action);
        return DagViews.details(dag.snapshot(), dag.dag());
    }

    /** Adds and starts a DAG from a manifest in YAML or JSON. */
    @Post
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<DagViews.DagDetails> add(@Body String manifest) {
        DagInstance dag = dags.add(manifest);
        return HttpResponse.created(DagViews.details(dag.snapshot(), dag.dag()))
                .headers(headers -> headers.location(URI.create("/api/v1/dags/" + dag.name())));
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(String name) {
        dags.delete(name);
        return HttpResponse.noContent();
    }

    /**
     * Clones a DAG. Body: {@code {"name": "new-name", "timeWindow": {...}}}, where timeWindow is
     * optional and has the fields of a manifest's spec.timeWindow.
     */
    @Post("/{name}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<DagViews.DagDetails> cloneDag(String name, @Body String body) {
        JsonNode request = parseObject(body);
        JsonNode newName = request.get("name");
        if (newName == null || !newName.isTextual()) {
            throw ApiException.badRequest("Field 'name' is missing or not a string; give the clone a name.");
        }
        TimeWindowSpec window = null;
        if (request.hasNonNull("timeWindow")) {
            try {
                window = JSON.treeToValue(request.get("timeWindow"), TimeWindowSpec.class);
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("Field 'timeWindow' is invalid: " + e.getOriginalMessage());
            }
        }
        DagInstance clone = dags.cloneDag(name, newName.asText(), window);
        return HttpResponse.created(DagViews.details(clone.snapshot(), clone.dag()))
                .headers(headers -> headers.location(URI.create("/api/v1/dags/" + clone.name())));
    }

    /** Sends one JSON object into a Subscription node, through its subscriber's source. */
    @Post("/{name}/nodes/{node}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> postEvent(String name, String node, @Body String body) {
        DagInstance dag = dags.dag(name);
        JsonNode event = parseObject(body);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.convertValue(event, Map.class);
        events.inject(dag, node, values);
        return HttpResponse.accepted().body(Map.of("dag", name, "node", node, "sent", true));
    }

    /** The node's most recent outputs, oldest first. */
    @Get("/{name}/nodes/{node}/outputs")
    public DagViews.Outputs outputs(String name, String node) {
        DagSnapshot snapshot = dags.dag(name).snapshot();
        NodeSnapshot found = snapshot.nodes().stream()
                .filter(candidate -> candidate.name().equals(node))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Node", node + "' in DAG '" + name));
        return new DagViews.Outputs(name, node, found.recentOutputs());
    }

    private static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request body is empty; send a JSON object.");
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (!tree.isObject()) {
                throw ApiException.badRequest("The request body must be a JSON object, not " + tree.getNodeType().name().toLowerCase() + ".");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
