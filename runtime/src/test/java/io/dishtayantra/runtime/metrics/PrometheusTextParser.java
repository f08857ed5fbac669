package io.dishtayantra.runtime.metrics;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parses the Prometheus text format with the parser of the official Python client
 * ({@code prometheus_client.parser}, Debian package python3-prometheus-client), so that the
 * output is checked by an implementation we did not write. Throws when the text does not parse.
 */
final class PrometheusTextParser {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    private static final String SCRIPT = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            families = []
            for family in text_string_to_metric_families(sys.stdin.read()):
                families.append({"name": family.name, "type": family.type, "samples": [
                    {"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples]})
            json.dump(families, sys.stdout)
            """;

    /** One sample: the series name with suffix (such as _total or _bucket), its labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One metric family with its declared type. */
    record Family(String name, String type, List<Sample> samples) {
    }

    private PrometheusTextParser() {
    }

    static Map<String, Family> parse(String text) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("No " + PYTHON + "; run scripts/browser.sh or apt-get install python3-prometheus-client");
        }
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT).start();
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            if (errors.contains("No module named 'prometheus_client'")) {
                throw new IllegalStateException("The Prometheus parser is missing; run scripts/browser.sh or apt-get install python3-prometheus-client");
            }
            throw new AssertionError("The Prometheus parser rejected the output: " + errors);
        }
        Map<String, Family> families = new LinkedHashMap<>();
        for (JsonNode family : JSON.readTree(output)) {
            List<Sample> samples = new ArrayList<>();
            for (JsonNode sample : family.get("samples")) {
                Map<String, String> labels = new LinkedHashMap<>();
                sample.get("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
                samples.add(new Sample(sample.get("name").asText(), labels, sample.get("value").asDouble()));
            }
            families.put(family.get("name").asText(), new Family(family.get("name").asText(), family.get("type").asText(), samples));
        }
        return families;
    }
}
