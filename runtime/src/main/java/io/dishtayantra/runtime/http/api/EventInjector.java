package io.dishtayantra.runtime.http.api;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.ConnectorHealth;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import io.dishtayantra.runtime.engine.ComponentMetrics;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.EngineServices;
import io.micronaut.http.HttpStatus;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a hand-written event into a Subscription node by publishing it to the source the node's
 * subscriber reads (the same URI and config), so that the event takes the normal path: queue,
 * backpressure and acknowledgement. Works for every scheme whose connector also publishes, such
 * as mem, file, Kafka or Redis; a scheme without a publisher (metronome) is rejected.
 */
public final class EventInjector {

    /** How long a publish may take before the request fails. */
    static final long PUBLISH_TIMEOUT_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(EventInjector.class);

    private final EngineServices services;

    public EventInjector(EngineServices services) {
        this.services = services;
    }

    /**
     * Publishes one event to the source of a Subscription node and waits for the confirmation.
     *
     * @throws ApiException 404 for an unknown node, 400 for a node that is not a Subscription
     *     node, 409 when the source cannot be written to, 502 when the publish fails
     */
    public void inject(DagInstance dag, String nodeName, Map<String, Object> event) {
        NodeSpec node = dag.dag().getSpec().getNodes().stream()
                .filter(candidate -> nodeName.equals(candidate.getName()))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Node", nodeName + "' in DAG '" + dag.name()));
        if (!"Subscription".equals(node.getType())) {
            throw ApiException.badRequest("Node '" + nodeName + "' of DAG '" + dag.name() + "' is a " + node.getType()
                    + " node; events can only be sent to Subscription nodes.");
        }
        SubscriberSpec subscriber = dag.dag().getSpec().getSubscribers().stream()
                .filter(candidate -> candidate.getName().equals(node.getSubscriber()))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Subscriber", node.getSubscriber()));

        String path = "spec.subscribers[" + subscriber.getName() + "]";
        URI uri = ConnectorRegistry.parse(services.environment().resolveString(subscriber.getUri(), path + ".uri"));
        Map<String, Object> config = services.environment().resolve(subscriber.getConfig(), path + ".config");
        Publisher publisher;
        try {
            publisher = services.connectors().createPublisher(uri, config);
        } catch (Exception e) {
            throw new ApiException(HttpStatus.CONFLICT, "not_supported", "Cannot write to the source of node '" + nodeName
                    + "' (" + uri.getScheme() + " subscriber " + subscriber.getName() + "): " + e.getMessage());
        }
        try (publisher) {
            publisher.start(new InjectionContext(dag.name(), subscriber.getName(), config, uri));
            CompletableFuture<Void> done = new CompletableFuture<>();
            publisher.publish(event, new Completion() {
                @Override
                public void succeeded() {
                    done.complete(null);
                }

                @Override
                public void failed(Throwable cause) {
                    done.completeExceptionally(cause);
                }
            });
            publisher.flush();
            done.get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("DAG {}: event sent to node {} through subscriber {}", dag.name(), nodeName, subscriber.getName());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ApiException(HttpStatus.BAD_GATEWAY, "publish_failed", "Sending the event to the source of node '"
                    + nodeName + "' of DAG '" + dag.name() + "' failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "The runtime is shutting down.");
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "publish_failed", "Sending the event to the source of node '"
                    + nodeName + "' of DAG '" + dag.name() + "' failed: " + e);
        }
    }

    /** The context of the short-lived publisher: its metrics and health are discarded. */
    private record InjectionContext(String dagName, String componentName, Map<String, Object> config, URI uri)
            implements ConnectorContext {

        @Override
        public org.slf4j.Logger logger() {
            return LOG;
        }

        @Override
        public PluginMetrics metrics() {
            return new ComponentMetrics();
        }

        @Override
        public Path baseDirectory() {
            return Path.of("").toAbsolutePath();
        }

        @Override
        public ConnectorHealth health() {
            return new ConnectorHealth() {
                @Override
                public void connected() {
                }

                @Override
                public void disconnected(String reason) {
                }

                @Override
                public void reconnecting(int attempt) {
                }
            };
        }
    }
}
