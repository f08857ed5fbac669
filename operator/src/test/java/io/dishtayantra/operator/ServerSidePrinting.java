package io.dishtayantra.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adds what the fabric8 mock lacks for {@code kubectl get}: server-side table printing of our
 * custom resources. When kubectl requests a {@code meta.k8s.io/v1} Table, the object or list the
 * mock returns is turned into one, with the Name column and the printer columns of the CRD file
 * under {@code crds/}, each cell read at the column's JSON path. Date columns become ages, as the
 * API server writes them. Every other request goes to the wrapped dispatcher unchanged.
 */
final class ServerSidePrinting extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESOURCE_PATH = Pattern.compile(
            "^/apis/dishtayantra\\.io/v1alpha1/(?:namespaces/[^/]+/)?([a-z]+)(?:/[^/?]+)?(?:\\?.*)?$");

    private final Dispatcher delegate;
    private final Map<String, JsonNode> columnsByPlural;

    ServerSidePrinting(Dispatcher delegate, Path crdFolder) {
        this.delegate = delegate;
        this.columnsByPlural = printerColumns(crdFolder);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = delegate.dispatch(request);
        String accept = request.getHeader("Accept");
        Matcher path = RESOURCE_PATH.matcher(request.getPath());
        if (accept == null || !accept.contains("as=Table") || !path.matches() || !"GET".equals(request.getMethod())
                || !response.getStatus().contains(" 200") || !columnsByPlural.containsKey(path.group(1))) {
            return response;
        }
        try {
            JsonNode body = JSON.readTree(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
            JsonNode table = table(body, columnsByPlural.get(path.group(1)));
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody(JSON.writeValueAsString(table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode table(JsonNode body, JsonNode columns) {
        ObjectNode table = JSON.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", body.path("metadata").path("resourceVersion").asText(""));
        ArrayNode definitions = table.putArray("columnDefinitions");
        definitions.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
                .put("description", "Name of the resource");
        columns.forEach(column -> definitions.addObject()
                .put("name", column.path("name").asText())
                .put("type", column.path("type").asText())
                .put("format", "")
                .put("priority", column.path("priority").asInt())
                .put("description", column.path("description").asText("")));
        ArrayNode rows = table.putArray("rows");
        List<JsonNode> items = body.has("items") ? body.path("items").valueStream().toList() : List.of(body);
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(item.path("metadata").path("name").asText());
            columns.forEach(column -> cells.add(cell(item, column)));
            ObjectNode object = row.putObject("object");
            object.put("kind", "PartialObjectMetadata");
            object.put("apiVersion", "meta.k8s.io/v1");
            object.set("metadata", item.path("metadata"));
        }
        return table;
    }

    private static JsonNode cell(JsonNode item, JsonNode column) {
        JsonNode value = item;
        for (String field : column.path("jsonPath").asText().substring(1).split("\\.")) {
            value = value.path(field);
        }
        if (value.isMissingNode() || value.isNull()) {
            return JSON.nullNode();
        }
        if ("date".equals(column.path("type").asText())) {
            return JSON.getNodeFactory().textNode(age(Duration.between(Instant.parse(value.asText()), Instant.now())));
        }
        return value;
    }

    /** Formats an age the short way kubectl shows it: 45s, 12m, 3h, 2d. */
    private static String age(Duration age) {
        if (age.toMinutes() < 2) {
            return Math.max(0, age.toSeconds()) + "s";
        }
        if (age.toHours() < 2) {
            return age.toMinutes() + "m";
        }
        return age.toDays() < 2 ? age.toHours() + "h" : age.toDays() + "d";
    }

    private static Map<String, JsonNode> printerColumns(Path crdFolder) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, JsonNode> columns = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(crdFolder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                JsonNode crd = yaml.readTree(file.toFile());
                columns.put(crd.path("spec").path("names").path("plural").asText(),
                        crd.path("spec").path("versions").get(0).path("additionalPrinterColumns"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CRDs in " + crdFolder, e);
        }
        return columns;
    }
}
