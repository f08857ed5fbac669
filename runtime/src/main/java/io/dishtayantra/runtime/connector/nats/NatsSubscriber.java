package io.dishtayantra.runtime.connector.nats;

import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.net.URI;
import java.util.List;

/**
 * With a JetStream {@code stream}: a durable pull consumer that fetches up to {@code batchSize}
 * messages at a time and acknowledges each when the DAG does; unacknowledged ones come back
 * after {@code ackWait}. Without: a core NATS subscription, at most once.
 */
final class NatsSubscriber extends ResilientSubscriber {

    private final URI uri;
    private NatsSettings settings;
    private Connection connection;
    private JetStreamSubscription pull;
    private Subscription core;

    NatsSubscriber(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = NatsSettings.from(uri, config);
    }

    @Override
    protected void connect() throws Exception {
        connection = NatsConnections.open(settings, context);
        if (settings.jetStream()) {
            NatsConnections.ensureStream(connection, settings);
            String durable = settings.durable() != null ? settings.durable() : context.dagName() + "-" + context.componentName();
            PullSubscribeOptions options = PullSubscribeOptions.builder()
                    .stream(settings.stream())
                    .durable(durable)
                    .configuration(ConsumerConfiguration.builder()
                            .ackPolicy(AckPolicy.Explicit)
                            .ackWait(settings.ackWait())
                            .build())
                    .build();
            pull = connection.jetStream().subscribe(settings.subject(), options);
        } else {
            core = connection.subscribe(settings.subject());
            // The server has registered the subscription once it replied to this flush.
            connection.flush(java.time.Duration.ofSeconds(10));
        }
    }

    @Override
    protected void consume() throws Exception {
        while (running()) {
            if (!awaitResumed()) {
                return;
            }
            if (pull != null) {
                List<Message> messages = pull.fetch(resilience.batchSize(), settings.fetchTimeout());
                for (Message message : messages) {
                    JsonPayloads.deliver(message.getData(), sink, message::ack);
                }
            } else {
                Message message = core.nextMessage(settings.fetchTimeout());
                if (message != null) {
                    JsonPayloads.deliver(message.getData(), sink, Acknowledgement.NONE);
                }
            }
        }
    }

    @Override
    protected void disconnect() {
        NatsConnections.closeQuietly(connection);
        connection = null;
        pull = null;
        core = null;
    }
}
