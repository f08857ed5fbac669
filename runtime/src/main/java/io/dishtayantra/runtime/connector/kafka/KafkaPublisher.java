package io.dishtayantra.runtime.connector.kafka;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.CircuitBreaker;
import io.dishtayantra.runtime.connector.resilience.RateLimitedLog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;

/**
 * Produces each event as one JSON record with {@code acks=all} and idempotence on, keyed by the
 * {@code partitionKey} field when set. The completion runs from the producer's send callback.
 * The producer retries and reconnects by itself for up to {@code deliveryTimeout}; failures open
 * the circuit breaker, which then blocks {@link #publish} so a dead cluster stops intake.
 * {@code publish} is called from one thread; callbacks run on the producer's I/O thread.
 */
final class KafkaPublisher implements Publisher {

    private final URI uri;
    private KafkaSettings settings;
    private KafkaProducer<byte[], byte[]> producer;
    private CircuitBreaker breaker;
    private RateLimitedLog errors;
    private Logger log;
    private ConnectorContext context;
    private KafkaConnectionWatch watch;

    KafkaPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    public void start(ConnectorContext context) {
        this.context = context;
        this.log = context.logger();
        ConnectorConfig config = new ConnectorConfig(context.componentName(), context.config());
        settings = KafkaSettings.from(uri, config);
        config.throwIfInvalid();
        errors = new RateLimitedLog(log, Duration.ofSeconds(10));
        breaker = new CircuitBreaker(settings.resilience().failureThreshold(), settings.resilience().openDuration(),
                cause -> {
                    context.health().disconnected(RateLimitedLog.describe(cause));
                    log.warn("Circuit opened on kafka topic {}: publishing blocks until sends succeed again", settings.topic());
                },
                () -> {
                    context.health().connected();
                    log.info("Circuit closed on kafka topic {}: publishing resumed", settings.topic());
                });

        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, context.dagName() + "-" + context.componentName());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                String.valueOf(settings.resilience().deliveryTimeout().toMillis()));
        properties.putAll(settings.clientSettings());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(properties);
        KafkaProducer<byte[], byte[]> current = producer;
        watch = new KafkaConnectionWatch(current::metrics, context, "kafka topic " + settings.topic());
        log.info("Publisher started on kafka topic {}", settings.topic());
    }

    @Override
    public void publish(Map<String, Object> event, Completion completion) throws Exception {
        watch.check();
        breaker.acquire();
        byte[] key = null;
        if (settings.partitionKey() != null) {
            Object value = event.get(settings.partitionKey());
            key = value == null ? null : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(settings.topic(), key, JsonPayloads.toBytes(event));
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                breaker.onSuccess();
                completion.succeeded();
            } else {
                breaker.onFailure(error);
                errors.warn("Send to kafka topic " + settings.topic() + " failed", error);
                completion.failed(error);
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        if (producer == null) {
            return;
        }
        producer.close(Duration.ofSeconds(10));
        producer = null;
        log.info("Publisher stopped on kafka topic {}", settings.topic());
    }
}
