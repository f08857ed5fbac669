package io.dishtayantra.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.engine.EngineServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Original DAGs with malformed values: each becomes a not-converted line, never an exception. */
class LegacyDagConverterMalformedTest {

    private static final EngineServices SERVICES = EngineServices.fromClassPath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LegacyDagConverter converter = new LegacyDagConverter(
            new RuntimeCatalog(SERVICES.calculators(), SERVICES.connectors()), false);

    private static final List<String> VALUES = List.of("null", "true", "7", "-1", "1e308", "\"\"", "\"oops\"",
            "\"file://has space.jsonl\"", "[]", "[1,\"x\",null]", "{}", "{\"a\":[]}");

    private static final List<String> TEMPLATES = List.of(
            "{\"name\":V,\"nodes\":[],\"edges\":[]}",
            "{\"name\":\"x\",\"subscribers\":V}",
            "{\"name\":\"x\",\"publishers\":V}",
            "{\"name\":\"x\",\"calculators\":V}",
            "{\"name\":\"x\",\"transformers\":V}",
            "{\"name\":\"x\",\"nodes\":V}",
            "{\"name\":\"x\",\"edges\":V}",
            "{\"name\":\"x\",\"subscribers\":[V]}",
            "{\"name\":\"x\",\"subscribers\":[{\"name\":\"s\",\"config\":V}]}",
            "{\"name\":\"x\",\"subscribers\":[{\"name\":\"s\",\"config\":{\"source\":V}}]}",
            "{\"name\":\"x\",\"subscribers\":[{\"name\":\"s\",\"config\":{\"source\":\"file://in.jsonl\",\"read_interval\":V}}]}",
            "{\"name\":\"x\",\"subscribers\":[{\"name\":\"s\",\"config\":{\"source\":\"mem://q\",\"max_depth\":V}}]}",
            "{\"name\":\"x\",\"publishers\":[{\"name\":V,\"config\":{\"destination\":V}}]}",
            "{\"name\":\"x\",\"publishers\":[{\"name\":\"p\",\"config\":{\"destination\":\"mem://q\",\"max_size\":V}}]}",
            "{\"name\":\"x\",\"calculators\":[{\"name\":\"c\",\"type\":V,\"config\":V}]}",
            "{\"name\":\"x\",\"transformers\":[{\"name\":V,\"type\":\"PassthruDataTransformer\",\"config\":{\"java_class\":V}}]}",
            "{\"name\":\"x\",\"nodes\":[V]}",
            "{\"name\":\"x\",\"nodes\":[{\"name\":\"b\",\"type\":V}]}",
            "{\"name\":\"x\",\"nodes\":[{\"name\":\"b\",\"type\":\"MetronomeNode\",\"config\":{\"interval\":V}}]}",
            "{\"name\":\"x\",\"nodes\":[{\"name\":\"a\",\"type\":\"SubscriptionNode\",\"subscriber\":V,\"publishers\":V}]}",
            "{\"name\":\"x\",\"nodes\":[{\"name\":\"a\",\"type\":\"PublisherSinkNode\",\"config\":{\"publishers\":V}}]}",
            "{\"name\":\"x\",\"nodes\":[{\"name\":\"a\",\"input_transformers\":V,\"output_transformers\":V}]}",
            "{\"name\":\"x\",\"edges\":[V]}",
            "{\"name\":\"x\",\"edges\":[{\"from_node\":V,\"to_node\":V,\"pname\":V,\"data_transformer\":V}]}",
            "{\"name\":\"x\",\"start_time\":V,\"duration\":V}",
            "{\"name\":\"x\",\"start_time\":\"09:00\",\"end_time\":V,\"schedule\":V}",
            "{\"name\":\"x\",\"start_time\":\"09:00\",\"duration\":\"1h\",\"schedule\":{\"days\":V,\"timezone\":V}}",
            "{\"name\":\"x\",\"autoclone\":V,\"description\":V,\"version\":V}");

    @Test
    void malformedValuesNeverThrow() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String template : TEMPLATES) {
            for (String value : VALUES) {
                String text = template.replace("V", value);
                JsonNode original = JSON.readTree(text);
                try {
                    converter.convert(original);
                } catch (RuntimeException e) {
                    failures.add(text + " -> " + e);
                }
            }
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void uriWithSpaceIsNotConverted() throws Exception {
        Conversion conversion = converter.convert(JSON.readTree("{\"name\":\"x\",\"subscribers\":[{\"name\":\"s\","
                + "\"config\":{\"source\":\"file://has space.jsonl\"}}],\"nodes\":[{\"name\":\"a\","
                + "\"type\":\"SubscriptionNode\",\"subscriber\":\"s\"}],\"edges\":[]}"));

        assertThat(conversion.notConverted()).anySatisfy(line -> assertThat(line)
                .startsWith("subscribers[0].config.source = \"file://has space.jsonl\": "));
    }

    @Test
    void nonNumericIntervalIsNotConverted() throws Exception {
        Conversion conversion = converter.convert(JSON.readTree("{\"name\":\"x\",\"nodes\":[{\"name\":\"b\","
                + "\"type\":\"MetronomeNode\",\"config\":{\"interval\":\"fast\"}}],\"edges\":[]}"));

        assertThat(conversion.notConverted()).anySatisfy(line -> assertThat(line)
                .startsWith("nodes[0].config.interval = \"fast\": not a number of seconds"));
    }

    @Test
    void hugeIntervalIsNotConverted() throws Exception {
        Conversion conversion = converter.convert(JSON.readTree("{\"name\":\"x\",\"nodes\":[{\"name\":\"b\","
                + "\"type\":\"MetronomeNode\",\"config\":{\"interval\":1e308}}],\"edges\":[]}"));

        assertThat(conversion.notConverted()).anySatisfy(line -> assertThat(line)
                .startsWith("nodes[0].config.interval = 1.0E308: "));
        assertThatCode(() -> conversion.manifest().toString()).doesNotThrowAnyException();
        assertThat(conversion.manifest().toString()).doesNotContain("2562047788015h");
    }

    @Test
    void wrongTypedCalculatorsAreNotConverted() throws Exception {
        Conversion conversion = converter.convert(JSON.readTree("{\"name\":\"x\",\"calculators\":\"oops\","
                + "\"nodes\":[],\"edges\":[]}"));

        assertThat(conversion.notConverted()).anySatisfy(line -> assertThat(line)
                .startsWith("calculators = \"oops\": expected a list"));
    }

    @Test
    void hugeMaxDepthIsNotConverted() throws Exception {
        Conversion conversion = converter.convert(JSON.readTree("{\"name\":\"x\",\"subscribers\":[{\"name\":\"s\","
                + "\"config\":{\"source\":\"file://in.jsonl\",\"max_depth\":1e308}}]}"));

        assertThat(conversion.notConverted()).anySatisfy(line -> assertThat(line)
                .startsWith("subscribers[0].config.max_depth = 1.0E308: not a whole number"));
    }
}
