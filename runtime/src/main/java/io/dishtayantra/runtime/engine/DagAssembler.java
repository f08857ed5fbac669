package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.graph.DagGraph;
import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.dishtayantra.runtime.config.ConfigRedactor;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and starts the running parts of a DAG from its spec, in an order that lets events flow
 * as soon as they arrive: calculators and transformers, publishers, the executor, subscribers,
 * then metronome ticks. When any start fails, everything started so far is closed in reverse
 * order and a {@link DagStartException} names the component.
 *
 * <p>One instance builds one DAG once; not thread-safe.
 */
final class DagAssembler {

    /** Default capacity of a Subscription node's input queue, in events. */
    static final int DEFAULT_MAX_DEPTH = 10_000;

    /** Capacity of a Metronome node's tick queue; ticks beyond it are skipped. */
    static final int TICK_QUEUE_CAPACITY = 4;

    private static final Logger LOG = LoggerFactory.getLogger(DagAssembler.class);

    /** A started calculator or transformer, for closing. */
    record Started(String description, AutoCloseable component) {
    }

    private final String dagName;
    private final DagSpec spec;
    private final Path baseDirectory;
    private final EngineServices services;
    private final BooleanSupplier intakePaused;
    private final ExecutionLoop.CrashListener crashListener;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final Map<String, ComponentMetrics> metrics = new LinkedHashMap<>();

    DagAssembler(String dagName, DagSpec spec, Path baseDirectory, EngineServices services, BooleanSupplier intakePaused,
            ExecutionLoop.CrashListener crashListener) {
        this.dagName = dagName;
        this.spec = spec;
        this.baseDirectory = baseDirectory;
        this.services = services;
        this.intakePaused = intakePaused;
        this.crashListener = crashListener;
    }

    /**
     * Builds and starts the DAG.
     *
     * @throws DagStartException naming the component that failed; nothing stays open
     */
    DagRuntime assemble() {
        try {
            Map<String, Calculator> calculators = startCalculators();
            Map<String, Transformer> transformers = startTransformers();
            List<Started> steps = new ArrayList<>();
            calculators.forEach((name, calculator) -> steps.add(new Started("calculator " + name, calculator)));
            transformers.forEach((name, transformer) -> steps.add(new Started("transformer " + name, transformer)));

            Map<String, Integer> publisherIndex = new HashMap<>();
            PublisherRuntime[] publishers = startPublishers(publisherIndex);
            int deadLetter = spec.getDeadLetter() == null ? -1 : publisherIndex.get(spec.getDeadLetter());

            NodeRuntime[] nodes = buildNodes(calculators, transformers, publisherIndex);
            ExecutionLoop loop = new ExecutionLoop(dagName, nodes, publishers,
                    deadLetter < 0 ? null : publishers[deadLetter], crashListener);
            loop.start();
            undo.push(() -> stopLoop(loop));

            List<SubscriberRuntime> subscribers = startSubscribers(nodes);
            ScheduledExecutorService ticker = startTicks(nodes);
            return new DagRuntime(loop, nodes, publishers, deadLetter, subscribers, List.copyOf(steps), ticker,
                    Collections.unmodifiableMap(metrics));
        } catch (DagStartException failure) {
            closeStarted();
            throw failure;
        } catch (RuntimeException unexpected) {
            closeStarted();
            throw new DagStartException("Cannot start DAG " + dagName + ": " + unexpected, unexpected);
        }
    }

    private Map<String, Calculator> startCalculators() {
        Map<String, Calculator> started = new LinkedHashMap<>();
        List<ComponentSpec> declared = spec.getCalculators();
        for (int i = 0; i < declared.size(); i++) {
            ComponentSpec component = declared.get(i);
            String description = "calculator " + component.getName() + " (" + component.getType() + ")";
            ComponentSpec resolved = resolve(component, "spec.calculators[" + i + "].config", description);
            Calculator calculator = attempt(description, () -> services.calculators().createCalculator(resolved));
            attempt(description, () -> {
                calculator.start(context("calculator", component.getName(), resolved.getConfig(), null, null));
                return null;
            });
            undo.push(() -> closeQuietly(description, calculator));
            started.put(component.getName(), calculator);
        }
        return started;
    }

    private Map<String, Transformer> startTransformers() {
        Map<String, Transformer> started = new LinkedHashMap<>();
        List<ComponentSpec> declared = spec.getTransformers();
        for (int i = 0; i < declared.size(); i++) {
            ComponentSpec component = declared.get(i);
            String description = "transformer " + component.getName() + " (" + component.getType() + ")";
            ComponentSpec resolved = resolve(component, "spec.transformers[" + i + "].config", description);
            Transformer transformer = attempt(description, () -> services.calculators().createTransformer(resolved));
            attempt(description, () -> {
                transformer.start(context("transformer", component.getName(), resolved.getConfig(), null, null));
                return null;
            });
            undo.push(() -> closeQuietly(description, transformer));
            started.put(component.getName(), transformer);
        }
        return started;
    }

    private PublisherRuntime[] startPublishers(Map<String, Integer> publisherIndex) {
        List<PublisherSpec> declared = spec.getPublishers();
        PublisherRuntime[] publishers = new PublisherRuntime[declared.size()];
        for (int i = 0; i < declared.size(); i++) {
            PublisherSpec publisherSpec = declared.get(i);
            String path = "spec.publishers[" + i + "]";
            String description = "publisher " + publisherSpec.getName() + " (" + ConfigRedactor.redactUri(publisherSpec.getUri()) + ")";
            URI uri = attempt(description, () -> ConnectorRegistry.parse(
                    services.environment().resolveString(publisherSpec.getUri(), path + ".uri")));
            Map<String, Object> config = attempt(description, () -> services.environment().resolve(publisherSpec.getConfig(), path + ".config"));
            Publisher publisher = attempt(description, () -> services.connectors().createPublisher(uri, config));
            ConnectorHealthState health = new ConnectorHealthState();
            attempt(description, () -> {
                publisher.start(context("publisher", publisherSpec.getName(), config, uri, health));
                return null;
            });
            undo.push(() -> closeQuietly(description, publisher));
            publishers[i] = new PublisherRuntime(publisherSpec.getName(), ConfigRedactor.redactUri(publisherSpec.getUri()),
                    publisher, health);
            publisherIndex.put(publisherSpec.getName(), i);
        }
        return publishers;
    }

    private NodeRuntime[] buildNodes(Map<String, Calculator> calculators, Map<String, Transformer> transformers,
            Map<String, Integer> publisherIndex) {
        List<String> order = DagGraph.of(spec).topologicalOrder();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        Map<String, NodeSpec> nodeSpecs = new HashMap<>();
        spec.getNodes().forEach(node -> nodeSpecs.put(node.getName(), node));
        Map<String, SubscriberSpec> subscriberSpecs = new HashMap<>();
        spec.getSubscribers().forEach(subscriber -> subscriberSpecs.put(subscriber.getName(), subscriber));

        // Input slots in edge order, and for each parent its outgoing edges.
        Map<String, List<EdgeSpec>> incoming = new HashMap<>();
        Map<String, List<EdgeSpec>> outgoing = new HashMap<>();
        for (EdgeSpec edge : spec.getEdges()) {
            incoming.computeIfAbsent(edge.getTo(), ignored -> new ArrayList<>()).add(edge);
            outgoing.computeIfAbsent(edge.getFrom(), ignored -> new ArrayList<>()).add(edge);
        }

        NodeRuntime[] nodes = new NodeRuntime[order.size()];
        for (int index = 0; index < order.size(); index++) {
            String name = order.get(index);
            NodeSpec node = nodeSpecs.get(name);
            NodeType type = NodeType.fromManifest(node.getType());

            List<EdgeSpec> in = incoming.getOrDefault(name, List.of());
            String[] inputKeys = new String[in.size()];
            for (int slot = 0; slot < in.size(); slot++) {
                inputKeys[slot] = in.get(slot).getAs();
            }
            List<EdgeSpec> out = outgoing.getOrDefault(name, List.of());
            int[] children = new int[out.size()];
            int[] childSlots = new int[out.size()];
            NodeStep[] edgeSteps = new NodeStep[out.size()];
            for (int k = 0; k < out.size(); k++) {
                EdgeSpec edge = out.get(k);
                children[k] = position.get(edge.getTo());
                childSlots[k] = incoming.get(edge.getTo()).indexOf(edge);
                edgeSteps[k] = edge.getTransformer() == null ? null
                        : NodeStep.of(edge.getTransformer(), transformers.get(edge.getTransformer()));
            }

            int[] publishers = node.getPublishers().stream().mapToInt(publisherIndex::get).toArray();
            SubscriptionQueue queue = null;
            if (type == NodeType.SUBSCRIPTION) {
                SubscriberSpec subscriber = subscriberSpecs.get(node.getSubscriber());
                int depth = subscriber.getMaxDepth() == null ? DEFAULT_MAX_DEPTH : subscriber.getMaxDepth();
                if (depth < 1) {
                    throw new DagStartException("Cannot start subscriber " + subscriber.getName()
                            + ": maxDepth must be at least 1, was " + depth, null);
                }
                queue = new SubscriptionQueue(depth, index);
            } else if (type == NodeType.METRONOME) {
                queue = new SubscriptionQueue(TICK_QUEUE_CAPACITY, index);
            }
            nodes[index] = new NodeRuntime(name, type, index, steps(node, type, calculators, transformers),
                    Boolean.TRUE.equals(node.getChangeDetection()), publishers, children, childSlots, edgeSteps,
                    inputKeys, queue, node.getSubscriber());
        }
        return nodes;
    }

    private static List<NodeStep> steps(NodeSpec node, NodeType type, Map<String, Calculator> calculators,
            Map<String, Transformer> transformers) {
        List<NodeStep> steps = new ArrayList<>();
        for (String name : node.getInputTransformers()) {
            steps.add(NodeStep.of(name, transformers.get(name)));
        }
        if (type == NodeType.TRANSFORM && node.getTransformer() != null) {
            steps.add(NodeStep.of(node.getTransformer(), transformers.get(node.getTransformer())));
        }
        if (node.getCalculator() != null) {
            steps.add(NodeStep.of(node.getCalculator(), calculators.get(node.getCalculator())));
        }
        for (String name : node.getOutputTransformers()) {
            steps.add(NodeStep.of(name, transformers.get(name)));
        }
        return steps;
    }

    private List<SubscriberRuntime> startSubscribers(NodeRuntime[] nodes) {
        Map<String, Integer> specIndex = new HashMap<>();
        for (int i = 0; i < spec.getSubscribers().size(); i++) {
            specIndex.put(spec.getSubscribers().get(i).getName(), i);
        }
        List<SubscriberRuntime> started = new ArrayList<>();
        for (NodeRuntime node : nodes) {
            if (node.type != NodeType.SUBSCRIPTION) {
                continue;
            }
            int i = specIndex.get(node.subscriber);
            SubscriberSpec subscriberSpec = spec.getSubscribers().get(i);
            String path = "spec.subscribers[" + i + "]";
            String redactedUri = ConfigRedactor.redactUri(subscriberSpec.getUri());
            String description = "subscriber " + subscriberSpec.getName() + " (" + redactedUri + ")";
            URI uri = attempt(description, () -> ConnectorRegistry.parse(
                    services.environment().resolveString(subscriberSpec.getUri(), path + ".uri")));
            Map<String, Object> config = attempt(description, () -> services.environment().resolve(subscriberSpec.getConfig(), path + ".config"));
            Subscriber subscriber = attempt(description, () -> services.connectors().createSubscriber(uri, config));
            ConnectorHealthState health = new ConnectorHealthState();
            attempt(description, () -> {
                subscriber.start(context("subscriber", subscriberSpec.getName(), config, uri, health), node.queue);
                return null;
            });
            undo.push(() -> closeQuietly(description, subscriber));
            started.add(new SubscriberRuntime(subscriberSpec.getName(), redactedUri, node.name, subscriber, health));
        }
        return started;
    }

    /** Schedules the ticks of every Metronome node on one daemon thread per DAG. */
    private ScheduledExecutorService startTicks(NodeRuntime[] nodes) {
        Map<String, NodeSpec> nodeSpecs = new HashMap<>();
        spec.getNodes().forEach(node -> nodeSpecs.put(node.getName(), node));
        ScheduledExecutorService ticker = null;
        for (NodeRuntime node : nodes) {
            if (node.type != NodeType.METRONOME) {
                continue;
            }
            if (ticker == null) {
                ticker = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("dag-" + dagName + "-ticks").daemon(true).factory());
                ScheduledExecutorService toStop = ticker;
                undo.push(toStop::shutdownNow);
            }
            long intervalNanos = Durations.parse(nodeSpecs.get(node.name).getInterval()).toNanos();
            ticker.scheduleAtFixedRate(new Tick(node), intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }
        return ticker;
    }

    /** Offers one tick event to a Metronome node, skipping it when the DAG is suspended or behind. */
    private final class Tick implements Runnable {

        private final NodeRuntime node;
        private long count;
        private long skipped;

        Tick(NodeRuntime node) {
            this.node = node;
        }

        @Override
        public void run() {
            if (intakePaused.getAsBoolean()) {
                return;
            }
            Map<String, Object> tick = new LinkedHashMap<>(4);
            tick.put("tick", count + 1);
            tick.put("timestamp", Instant.now().toString());
            if (node.queue.offer(tick)) {
                count++;
            } else if (++skipped == 1 || skipped % 100 == 0) {
                LOG.warn("DAG {}: metronome node {} skipped a tick because the DAG is still busy with earlier ones "
                        + "({} skipped so far)", dagName, node.name, skipped);
            }
        }
    }

    private ComponentSpec resolve(ComponentSpec component, String path, String description) {
        Map<String, Object> config = attempt(description, () -> services.environment().resolve(component.getConfig(), path));
        return new ComponentSpec(component.getName(), component.getType(), config);
    }

    private ComponentContext context(String role, String component, Map<String, Object> config, URI uri,
            ConnectorHealthState health) {
        Logger logger = LoggerFactory.getLogger("io.dishtayantra.dag." + dagName + "." + component);
        ComponentMetrics componentMetrics = metrics.computeIfAbsent(role + "/" + component, ignored -> new ComponentMetrics());
        return new ComponentContext(dagName, component, Collections.unmodifiableMap(config), logger,
                componentMetrics, baseDirectory, uri, health);
    }

    private void stopLoop(ExecutionLoop loop) {
        loop.beginStop(0);
        loop.sourcesClosed();
        try {
            loop.thread().join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeStarted() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    private void closeQuietly(String description, AutoCloseable component) {
        try {
            component.close();
        } catch (Exception | LinkageError error) {
            LOG.warn("DAG {}: closing {} failed: {}", dagName, description, error.toString());
        }
    }

    @FunctionalInterface
    private interface Action<T> {
        T run() throws Exception;
    }

    private static <T> T attempt(String description, Action<T> action) {
        try {
            return action.run();
        } catch (DagStartException failure) {
            throw failure;
        } catch (Exception | LinkageError error) {
            String reason = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
            throw new DagStartException("Cannot start " + description + ": " + reason, error);
        }
    }
}
