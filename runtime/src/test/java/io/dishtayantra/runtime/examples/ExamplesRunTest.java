package io.dishtayantra.runtime.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationReport;
import io.dishtayantra.crd.window.DagWindows;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every manifest of examples/ in one engine, as {@code make run} does, on a copy of the
 * folder, and checks what each DAG wrote.
 */
class ExamplesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path copy;

    private static Engine engine;

    @BeforeAll
    static void runExamples() throws IOException {
        copyExamples(examplesFolder(), copy);
        EngineServices services = EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(5));
        DagValidator validator = new DagValidator(new RuntimeCatalog(services.calculators(), services.connectors()));
        engine = new Engine(services);
        for (ManifestDocument document : new ManifestLoader().load(copy)) {
            ValidationReport report = validator.validate(document);
            assertThat(report.problems()).as(document.location()).isEmpty();
            // A DAG with a time window writes only inside its window, so what it writes depends on
            // the time of day; RunCommandWindowTest and the window tests cover those DAGs.
            if (!(document.resource() instanceof Dag dag) || DagWindows.referencesWindow(dag.getSpec())
                    || dag.getSpec().getTimeWindow() != null) {
                continue;
            }
            DagInstance instance = engine.deploy(dag, copy);
            instance.start();
        }
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.shutdown();
        }
    }

    @Test
    void tradeEnrichmentWritesEveryTradeEnriched() throws IOException {
        List<Map<String, Object>> trades = readLines(copy.resolve("data/trades.jsonl"));
        List<Map<String, Object>> enriched = awaitLines(copy.resolve("out/trade-enrichment.jsonl"), trades.size());

        assertThat(enriched).hasSize(3000);
        for (int i = 0; i < trades.size(); i++) {
            Map<String, Object> trade = trades.get(i);
            Map<String, Object> out = enriched.get(i);
            assertThat(out.get("tradeId")).isEqualTo(trade.get("trade_id"));
            assertThat(out.keySet()).doesNotContain("trader", "trade_id", "px", "qty");
            assertThat(out.get("desk")).isEqualTo(trade.getOrDefault("desk", "unassigned"));
            assertThat(out.get("currency")).isEqualTo("USD");
            double expected = ((Number) trade.get("qty")).doubleValue() * ((Number) trade.get("px")).doubleValue();
            assertThat(((Number) out.get("notional")).doubleValue()).as("notional of %s", trade.get("trade_id"))
                    .isCloseTo(expected, within(1e-6));
        }
        assertThat(enriched.get(0)).containsEntry("symbol", "AAPL").containsEntry("quantity", 5000)
                .containsEntry("price", 228.13).containsEntry("tradeTime", "2026-12-03T14:30:08.082Z");
        assertThat(enriched.stream().filter(out -> "unassigned".equals(out.get("desk"))).count())
                .isEqualTo(trades.stream().filter(trade -> !trade.containsKey("desk")).count()).isPositive();
    }

    @Test
    void diamondJoinsBothBranchesPerQuote() throws IOException {
        List<Map<String, Object>> quotes = readLines(copy.resolve("data/quotes.jsonl"));
        List<Map<String, Object>> joined = awaitLines(copy.resolve("out/diamond.jsonl"), quotes.size());

        assertThat(joined).hasSize(200);
        for (int i = 0; i < quotes.size(); i++) {
            Map<String, Object> quote = quotes.get(i);
            Map<String, Object> out = joined.get(i);
            double bid = ((Number) quote.get("bid")).doubleValue();
            double ask = ((Number) quote.get("ask")).doubleValue();
            double size = ((Number) quote.get("size")).doubleValue();
            assertThat(out.get("quote_id")).isEqualTo(quote.get("quote_id"));
            assertThat(out.get("pair")).isEqualTo(quote.get("pair"));
            assertThat(nested(out, "sides", "bidPlusAsk")).isCloseTo(bid + ask, within(1e-9));
            assertThat(nested(out, "notional", "bidNotional")).isCloseTo(bid * size, within(1e-6));
            assertThat((Map<?, ?>) out.get("sides")).hasSize(1);
        }
    }

    @Test
    void heartbeatCountsTicks() throws IOException {
        List<Map<String, Object>> beats = awaitLines(copy.resolve("out/heartbeat.jsonl"), 2);

        assertThat(beats.get(0)).containsEntry("tick", 1).containsEntry("sequence", 1).containsKey("timestamp");
        assertThat(beats.get(1)).containsEntry("tick", 2).containsEntry("sequence", 2);
    }

    @Test
    void chainedDagsPassEveryOrderInOrder() throws IOException {
        List<Map<String, Object>> orders = readLines(copy.resolve("data/orders.jsonl"));
        List<Map<String, Object>> numbered = awaitLines(copy.resolve("out/chained-consumer.jsonl"), orders.size());

        assertThat(numbered).hasSize(500);
        for (int i = 0; i < orders.size(); i++) {
            assertThat(numbered.get(i)).containsEntry("order_id", orders.get(i).get("order_id"))
                    .containsEntry("arrival", i + 1).containsKey("receivedAt").doesNotContainKey("account");
        }
    }

    private static double nested(Map<String, Object> event, String key, String attribute) {
        Object inner = event.get(key);
        assertThat(inner).as(key + " in " + event).isInstanceOf(Map.class);
        return ((Number) ((Map<?, ?>) inner).get(attribute)).doubleValue();
    }

    /** Waits until the file has at least {@code count} complete lines, then returns them all. */
    private static List<Map<String, Object>> awaitLines(Path file, int count) {
        await().atMost(PATIENCE).until(() -> completeLines(file) >= count);
        try {
            return readLines(file);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private static long completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file);
        return text.chars().filter(c -> c == '\n').count();
    }

    private static List<Map<String, Object>> readLines(Path file) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return events;
    }

    /** Copies the manifests and data of examples/ (not its subfolders of broker examples, nor out/). */
    private static void copyExamples(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(ManifestLoader::isManifestFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(to.resolve("data"));
        try (Stream<Path> files = Files.list(from.resolve("data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve("data").resolve(file.getFileName()));
            }
        }
    }

    private static Path examplesFolder() {
        for (Path candidate : new Path[] {Path.of("../examples"), Path.of("examples")}) {
            if (Files.isRegularFile(candidate.resolve("trade-enrichment.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/ not found from " + Path.of("").toAbsolutePath());
    }
}
