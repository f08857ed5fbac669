package io.dishtayantra.runtime.connector.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.Servers;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against an ActiveMQ broker embedded in the test JVM. */
class JmsConnectorTest {

    private static BrokerService broker;
    private static String brokerUrl;
    private final JmsConnectorKind kind = new JmsConnectorKind();

    @BeforeAll
    static void startBroker() throws Exception {
        int port = Servers.freePort();
        brokerUrl = "tcp://127.0.0.1:" + port;
        broker = new BrokerService();
        broker.setBrokerName("dy-test");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setAdvisorySupport(false);
        broker.addConnector(brokerUrl);
        broker.start();
        broker.waitUntilStarted();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }

    private Map<String, Object> genericConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("connectionFactory", "org.apache.activemq.ActiveMQConnectionFactory");
        config.put("factoryProperties", Map.of("brokerURL", brokerUrl));
        config.put("reconnectDelay", "100ms");
        config.put("batchSize", 10);
        return config;
    }

    private Map<String, Object> activemqConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("brokerUrl", brokerUrl);
        config.put("reconnectDelay", "100ms");
        return config;
    }

    private Subscriber subscribe(String uri, CollectingSink sink, Map<String, Object> config) throws Exception {
        Subscriber subscriber = kind.createSubscriber(URI.create(uri), config);
        subscriber.start(TestConnectorContext.of("dag", "in", uri, config), sink);
        return subscriber;
    }

    private Publisher publisher(String uri, Map<String, Object> config) throws Exception {
        Publisher publisher = kind.createPublisher(URI.create(uri), config);
        publisher.start(TestConnectorContext.of("dag", "out", uri, config));
        return publisher;
    }

    private static void publishAll(Publisher publisher, int count) throws Exception {
        List<RecordingCompletion> completions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingCompletion completion = new RecordingCompletion();
            publisher.publish(Map.of("id", i), completion);
            completions.add(completion);
        }
        publisher.flush();
        for (RecordingCompletion completion : completions) {
            completion.await(10);
        }
    }

    @Test
    void genericFactoryQueueRoundTrip() throws Exception {
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("jms://queue/generic", sink, genericConfig());
                Publisher publisher = publisher("jms://queue/generic", genericConfig())) {
            publishAll(publisher, 55);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 55);
        }
        assertThat(sink.field("id")).containsExactlyElementsOf(IntStream.range(0, 55).boxed().map(i -> (Object) i).toList());
    }

    @Test
    void activemqShortcutDurableTopicRoundTrip() throws Exception {
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("activemq://topic/prices", sink, activemqConfig());
                Publisher publisher = publisher("activemq://topic/prices", activemqConfig())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.getDestination(
                    new org.apache.activemq.command.ActiveMQTopic("prices")) != null
                    && broker.getDestination(new org.apache.activemq.command.ActiveMQTopic("prices")).getConsumers().size() == 1);
            publishAll(publisher, 20);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 20);
        }
    }

    @Test
    void unacknowledgedMessagesAreRedelivered() throws Exception {
        for (Map<String, Object> config : List.of(genericConfig(), activemqConfig())) {
            String scheme = config.containsKey("brokerUrl") ? "activemq" : "jms";
            String uri = scheme + "://queue/held-" + scheme;
            try (Publisher publisher = publisher(uri, config)) {
                publishAll(publisher, 5);
            }
            CollectingSink holding = CollectingSink.holding();
            try (Subscriber subscriber = subscribe(uri, holding, config)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> holding.events.size() == 5);
            }
            CollectingSink second = CollectingSink.acknowledging();
            try (Subscriber subscriber = subscribe(uri, second, config)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> second.events.size() == 5);
            }
            assertThat(second.field("id")).as(scheme).containsExactlyElementsOf(holding.field("id"));
            CollectingSink third = CollectingSink.acknowledging();
            try (Subscriber subscriber = subscribe(uri, third, config)) {
                Thread.sleep(500);
            }
            assertThat(third.events).as(scheme + " after acknowledgement").isEmpty();
        }
    }

    @Test
    void poisonMessageRejectedQueueFlows() throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("poison"));
            producer.send(session.createTextMessage("{oops"));
            producer.send(session.createObjectMessage(42));
            producer.send(session.createTextMessage("{\"id\":1}"));
        }
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("activemq://queue/poison", sink, activemqConfig())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 1 && sink.rejected.size() == 2);
        }
        assertThat(sink.events).containsExactly(Map.of("id", 1));
    }

    @Test
    void missingFactoryClassFailsAtStart() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("connectionFactory", "com.example.NoSuchFactory");
        assertThatThrownBy(() -> publisher("jms://queue/x", config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.NoSuchFactory not found");
        assertThat(kind.validate(URI.create("jms://queue/x"), Map.of(), true, "spec.subscribers[0]"))
                .extracting(Object::toString).singleElement().asString()
                .startsWith("spec.subscribers[0].config.connectionFactory: Missing;");
    }

    /**
     * Closes every client connection of a second broker and refuses new ones for a second, then
     * listens again: the broker keeps its messages (in memory) while clients must reconnect.
     */
    @Test
    void connectionOutageUnderLoadLosesNothing() throws Exception {
        int total = 1000;
        String url = "tcp://127.0.0.1:" + Servers.freePort();
        BrokerService outageBroker = new BrokerService();
        outageBroker.setBrokerName("dy-outage");
        outageBroker.setPersistent(false);
        outageBroker.setUseJmx(false);
        outageBroker.setAdvisorySupport(false);
        org.apache.activemq.broker.TransportConnector connector = outageBroker.addConnector(url);
        outageBroker.start();
        outageBroker.waitUntilStarted();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("brokerUrl", url);
        config.put("reconnectDelay", "100ms");
        config.put("reconnectMaxDelay", "1s");
        config.put("batchSize", 20);
        CollectingSink sink = CollectingSink.acknowledging();
        List<RecordingCompletion> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Subscriber subscriber = subscribe("activemq://queue/outage", sink, config);
                Publisher publisher = publisher("activemq://queue/outage", config)) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        RecordingCompletion completion = new RecordingCompletion();
                        publisher.publish(Map.of("id", i), completion);
                        completions.add(completion);
                        if (i % 50 == 0) {
                            Thread.sleep(20);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.events.size() > 100);
            connector.stop();
            Thread.sleep(1000);
            connector.start();
            producer.join(Duration.ofSeconds(60));
            publisher.flush();
            for (RecordingCompletion completion : completions) {
                completion.await(60);
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> new java.util.HashSet<>(sink.field("id")).size() == total);
        } finally {
            outageBroker.stop();
            outageBroker.waitUntilStopped();
        }
        System.out.printf("ActiveMQ connection outage: %d events received for %d sent (%d duplicates)%n",
                sink.events.size(), total, sink.events.size() - total);
    }
}
