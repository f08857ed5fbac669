package io.dishtayantra.bench.engine;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.bench.BenchContext;
import io.dishtayantra.bench.ContextSwitches;
import io.dishtayantra.bench.Load;
import io.dishtayantra.bench.ResultRow;
import io.dishtayantra.bench.ThreadCost;
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
 * includes any wait a slow engine causes (no coordinated omission). Backlog: the events wait in
 * the input queue before the DAG resumes, so no producer competes for the cores.
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

    private static final double ORIGINAL_MIN = 5_000;
    private static final double ORIGINAL_MAX = 9_000;

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
        List<ResultRow> chain = measure("engine, 5-node chain", BenchDags::chain);
        rows.addAll(chain);
        rows.add(againstOriginal(chain.getFirst()));
        rows.add(againstOriginal(chain.getLast()));
        rows.addAll(measure("engine, 50-node fan-out/fan-in", BenchDags::wide));
        return rows;
    }

    /**
     * Case 2: the saturated chain against the original Python engine, which ran the same chain at
     * 5,000 to 9,000 events/s on a 2-core machine.
     */
    private static ResultRow againstOriginal(ResultRow saturated) {
        double throughput = saturated.throughput();
        return new ResultRow("against the original", "5-node chain, " + saturated.variant(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, "-", String.format("%,.0f events/s is %.0fx to %.0fx the Python original's 5,000-9,000"
                        + " events/s (2 cores)", throughput, throughput / ORIGINAL_MAX, throughput / ORIGINAL_MIN));
    }

    private List<ResultRow> measure(String label, DagFactory factory) throws Exception {
        List<ResultRow> rows = new ArrayList<>(measureStreaming(label, factory));
        rows.add(measureBacklog(label, factory));
        return rows;
    }

    /**
     * Measures the engine without the harness's producer competing for the 2 cores. A backlog of
     * events waits in the input queue while the DAG is suspended, and the clock runs from resume
     * until the reader has the last output. Two threads of the DAG (its mem subscriber and executor)
     * and the reader run. Latency is left out, because here it is only the time spent waiting in
     * the backlog.
     */
    private ResultRow measureBacklog(String label, DagFactory factory) throws Exception {
        long backlog = Math.max(1, events / 4);
        try (Rig rig = Rig.start(factory, Math.toIntExact(Math.max(backlog, 16_384)))) {
            send(rig.producer, rig.sink, rig.executor, warmUpEvents, Double.NaN);

            rig.dag.suspend();
            rig.sink.expect(backlog);
            for (long i = 0; i < backlog; i++) {
                rig.producer.publish(TradeEvents.create(i, System.nanoTime()), IGNORED);
            }
            rig.executor.mark();
            ContextSwitches switches = new ContextSwitches();
            switches.mark();
            long start = System.nanoTime();
            rig.dag.resume();
            if (!rig.sink.awaitAll(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Not every queued event arrived within 120 s: the DAG lost or stalled events");
            }
            double seconds = (rig.sink.lastArrivalNanos() - start) / 1e9;
            double cpu = rig.executor.cpuNanosSinceMark() / (double) backlog;
            return new ResultRow(label, "backlog, queued before start", backlog / seconds, Double.NaN, Double.NaN,
                    Double.NaN, String.format("%,.0f B", rig.executor.allocatedBytesSinceMark() / (double) backlog),
                    String.format("%,d events queued, then resumed; no producer running; executor CPU %,.0f ns/event"
                            + " (%,.2f M events/s per core); %s; load %s", backlog, cpu, 1e3 / cpu,
                            switches.perEventSinceMark(backlog), Load.oneMinute()));
        }
    }

    private List<ResultRow> measureStreaming(String label, DagFactory factory) throws Exception {
        try (Rig rig = Rig.start(factory, 16_384)) {
            send(rig.producer, rig.sink, rig.executor, warmUpEvents, Double.NaN);
            ResultRow saturated = send(rig.producer, rig.sink, rig.executor, events, Double.NaN).row(label, "saturated");
            send(rig.producer, rig.sink, rig.executor, Math.min(warmUpEvents, (long) offeredRate), offeredRate);
            long paced = Math.min(events, (long) (offeredRate * 5));
            ResultRow fixedRate = send(rig.producer, rig.sink, rig.executor, paced, offeredRate)
                    .row(label, String.format("offered %,.0f/s", offeredRate));
            return List.of(saturated, fixedRate);
        }
    }

    /**
     * One running DAG between the harness's producer on {@code mem://queue/IN} and its reader on
     * {@code mem://queue/OUT}; closing it stops the engine, then the reader and the producer.
     */
    private record Rig(Engine engine, DagInstance dag, Publisher producer, Subscriber reader, LatencySink sink,
            ThreadCost executor) implements AutoCloseable {

        static Rig start(DagFactory factory, int inputCapacity) throws Exception {
            String id = Long.toHexString(System.nanoTime());
            URI input = URI.create("mem://queue/bench-in-" + id);
            URI output = URI.create("mem://queue/bench-out-" + id);
            MemConnectorKind mem = new MemConnectorKind();
            Publisher producer = mem.createPublisher(input, Map.of("capacity", inputCapacity));
            producer.start(new BenchContext("producer", input, Map.of()));
            Subscriber reader = mem.createSubscriber(output, Map.of("capacity", 16_384));
            LatencySink sink = new LatencySink();
            Engine engine = new Engine(EngineServices.fromClassPath());
            try {
                DagInstance dag = engine.deploy(factory.apply("bench-" + id, "bench-in-" + id, "bench-out-" + id),
                        Path.of("."));
                dag.start();
                reader.start(new BenchContext("reader", output, Map.of()), sink);
                return new Rig(engine, dag, producer, reader, sink, ThreadCost.of("dag-bench-" + id));
            } catch (Exception | Error e) {
                reader.close();
                producer.close();
                engine.close();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                engine.close();
            } finally {
                reader.close();
                producer.close();
            }
        }
    }

    private Measurement send(Publisher producer, LatencySink sink, ThreadCost executor, long count, double rate)
            throws Exception {
        sink.expect(count);
        executor.mark();
        ContextSwitches switches = new ContextSwitches();
        switches.mark();
        ThreadCost producerCost = ThreadCost.ofCurrentThread();
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
        return new Measurement(count / seconds, sink.latencyNanos().copy(),
                executor.cpuNanosSinceMark() / (double) count, executor.allocatedBytesSinceMark() / (double) count,
                producerCost.cpuNanosSinceMark() / (double) count, switches.perEventSinceMark(count));
    }

    @FunctionalInterface
    private interface DagFactory {
        Dag apply(String name, String input, String output);
    }

    /**
     * One run's figures; {@code executorCpuNanos} and {@code executorBytes} are per event and
     * cover the DAG's executor thread only (not the subscriber, producer or reader threads).
     * {@code producerCpuNanos} is the harness thread that builds and publishes the events.
     */
    private record Measurement(double throughput, Histogram latencyNanos, double executorCpuNanos,
            double executorBytes, double producerCpuNanos, String contextSwitches) {

        ResultRow row(String label, String variant) {
            return new ResultRow(label, variant, throughput, micros(50), micros(99), micros(99.9),
                    String.format("%,.0f B", executorBytes),
                    String.format("%,d events; executor CPU %,.0f ns/event (%,.2f M events/s per core); harness"
                            + " producer CPU %,.0f ns/event; %s; load %s", latencyNanos.getTotalCount(), executorCpuNanos,
                            1e3 / executorCpuNanos, producerCpuNanos, contextSwitches, Load.oneMinute()));
        }

        private double micros(double percentile) {
            return latencyNanos.getValueAtPercentile(percentile) / 1000.0;
        }
    }

}
