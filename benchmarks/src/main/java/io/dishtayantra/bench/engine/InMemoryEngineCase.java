package io.dishtayantra.bench.engine;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.bench.BenchContext;
import io.dishtayantra.bench.ResultRow;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.connector.mem.MemConnectorKind;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Case 1: the engine with in-memory queues on both ends. The harness publishes trade events into
 * {@code mem://queue/IN} from its own thread and reads {@code mem://queue/OUT} through a mem
 * subscriber, so an event crosses the producer, the DAG's subscriber thread, the DAG's executor
 * and the reading subscriber: four threads, as in a deployed chain of DAGs.
 *
 * <p>Saturated: the producer publishes as fast as backpressure lets it. Fixed rate: the producer
 * sends at the offered rate and stamps each event with its intended send time, so latency
 * includes any wait a slow engine causes (no coordinated omission).
 */
public final class InMemoryEngineCase {

    private static final Completion IGNORED = new Completion() {
        @Override
        public void succeeded() {
        }

        @Override
        public void failed(Throwable cause) {
            throw new IllegalStateException("mem publish failed", cause);
        }
    };

    private final long events;
    private final long warmUpEvents;
    private final double offeredRate;

    public InMemoryEngineCase(long events, long warmUpEvents, double offeredRate) {
        this.events = events;
        this.warmUpEvents = warmUpEvents;
        this.offeredRate = offeredRate;
    }

    /** Runs the chain and the 50-node DAG, saturated and at the offered rate. */
    public List<ResultRow> run() throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        rows.addAll(measure("engine, 5-node chain", BenchDags::chain));
        rows.addAll(measure("engine, 50-node fan-out/fan-in", BenchDags::wide));
        return rows;
    }

    private List<ResultRow> measure(String label, DagFactory factory) throws Exception {
        String id = Long.toHexString(System.nanoTime());
        String input = "bench-in-" + id;
        String output = "bench-out-" + id;
        MemConnectorKind mem = new MemConnectorKind();
        Publisher producer = mem.createPublisher(URI.create("mem://queue/" + input), Map.of("capacity", 16_384));
        producer.start(new BenchContext("producer", URI.create("mem://queue/" + input), Map.of()));
        Subscriber reader = mem.createSubscriber(URI.create("mem://queue/" + output), Map.of("capacity", 16_384));
        LatencySink sink = new LatencySink();

        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance dag = engine.deploy(factory.apply("bench-" + id, input, output), Path.of("."));
            dag.start();
            reader.start(new BenchContext("reader", URI.create("mem://queue/" + output), Map.of()), sink);

            send(producer, sink, warmUpEvents, Double.NaN);
            ResultRow saturated = send(producer, sink, events, Double.NaN).row(label, "saturated");
            send(producer, sink, Math.min(warmUpEvents, (long) offeredRate), offeredRate);
            long paced = Math.min(events, (long) (offeredRate * 5));
            ResultRow fixedRate = send(producer, sink, paced, offeredRate)
                    .row(label, String.format("offered %,.0f/s", offeredRate));
            return List.of(saturated, fixedRate);
        } finally {
            reader.close();
            producer.close();
        }
    }

    private Measurement send(Publisher producer, LatencySink sink, long count, double rate) throws Exception {
        sink.expect(count);
        long periodNanos = Double.isNaN(rate) ? 0 : (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long stamp;
            if (periodNanos == 0) {
                stamp = System.nanoTime();
            } else {
                stamp = start + i * periodNanos;
                while (System.nanoTime() < stamp) {
                    Thread.onSpinWait();
                }
            }
            producer.publish(TradeEvents.create(i, stamp), IGNORED);
        }
        if (!sink.awaitAll(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Not every event arrived within 120 s: the DAG lost or stalled events");
        }
        double seconds = (sink.lastArrivalNanos() - start) / 1e9;
        return new Measurement(count / seconds, sink.latencyNanos().copy());
    }

    @FunctionalInterface
    private interface DagFactory {
        Dag apply(String name, String input, String output);
    }

    private record Measurement(double throughput, Histogram latencyNanos) {

        ResultRow row(String label, String variant) {
            return new ResultRow(label, variant, throughput, micros(50), micros(99), micros(99.9), "-",
                    String.format("%,d events", latencyNanos.getTotalCount()));
        }

        private double micros(double percentile) {
            return latencyNanos.getValueAtPercentile(percentile) / 1000.0;
        }
    }

}
