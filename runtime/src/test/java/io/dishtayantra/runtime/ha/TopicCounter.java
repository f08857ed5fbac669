package io.dishtayantra.runtime.ha;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start and counts how often each event id arrived. Not thread-safe. */
final class TopicCounter implements AutoCloseable {

    private final Map<Integer, Integer> counts = new HashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private int records;

    TopicCounter(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("group.id", "counter-" + topic);
        properties.put("auto.offset.reset", "earliest");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once and returns the number of distinct ids seen so far. */
    int distinct() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            String value = record.value();
            int start = value.indexOf("\"id\":") + 5;
            int end = value.indexOf(',', start);
            counts.merge(Integer.parseInt(value.substring(start, end)), 1, Integer::sum);
            records++;
        }
        return counts.size();
    }

    /** Records read so far, duplicates included. */
    int records() {
        return records;
    }

    /** Ids that arrived more than once. */
    long duplicatedIds() {
        return counts.values().stream().filter(count -> count > 1).count();
    }

    Map<Integer, Integer> counts() {
        return counts;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
