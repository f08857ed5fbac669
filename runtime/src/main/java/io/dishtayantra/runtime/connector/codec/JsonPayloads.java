package io.dishtayantra.runtime.connector.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.api.connector.EventSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts broker payloads to events and back. A JSON object becomes the event; any other JSON
 * value is wrapped as {@code {"payload": value}}; bytes that are not JSON are rejected.
 * Thread-safe.
 */
public final class JsonPayloads {

    /** Key under which a non-object payload is wrapped. */
    public static final String PAYLOAD_KEY = "payload";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final ObjectReader MAP_READER = MAPPER.readerFor(MAP);
    private static final ThreadLocal<JsonEventWriter> WRITERS =
            ThreadLocal.withInitial(() -> new JsonEventWriter(MAPPER.getFactory()));

    private JsonPayloads() {
    }

    /**
     * Parses one payload into an event.
     *
     * @throws InvalidPayloadException when the bytes are empty or not one JSON value
     */
    public static Map<String, Object> parse(byte[] payload) throws InvalidPayloadException {
        if (payload == null || payload.length == 0) {
            throw new InvalidPayloadException("empty payload");
        }
        try {
            if (startsWithObject(payload)) {
                // The common case, read in one pass; other values go through the tree below.
                Map<String, Object> event = JsonEventReader.read(MAPPER.getFactory(), payload);
                if (event != null) {
                    return event;
                }
                // Invalid or unusual input: the mapper reads it again and reports the error.
                event = MAP_READER.readValue(payload);
                FiniteNumbers.require(event);
                return event;
            }
            JsonNode tree = MAPPER.readTree(payload);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidPayloadException("empty payload");
            }
            Map<String, Object> event;
            if (tree.isObject()) {
                event = MAPPER.convertValue(tree, MAP);
            } else {
                event = new LinkedHashMap<>();
                event.put(PAYLOAD_KEY, MAPPER.treeToValue(tree, Object.class));
            }
            FiniteNumbers.require(event);
            return event;
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(e.getMessage());
        } catch (IOException e) {
            throw new InvalidPayloadException("not JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Returns whether the first byte that is not JSON whitespace opens an object. */
    private static boolean startsWithObject(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    /** Parses a text payload; see {@link #parse(byte[])}. */
    public static Map<String, Object> parse(String payload) throws InvalidPayloadException {
        return parse(payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a payload and hands it to the sink; a payload that cannot be parsed goes to
     * {@link EventSink#reject} and is acknowledged at once, so it never blocks its queue.
     *
     * @return whether the payload was a valid event
     * @throws InterruptedException when the sink's queue is full and the thread is interrupted
     */
    public static boolean deliver(byte[] payload, EventSink sink, Acknowledgement acknowledgement)
            throws InterruptedException {
        Map<String, Object> event;
        try {
            event = parse(payload);
        } catch (InvalidPayloadException e) {
            sink.reject(payload == null ? new byte[0] : payload, e.getMessage());
            acknowledgement.acknowledge();
            return false;
        }
        sink.accept(event, acknowledgement);
        return true;
    }

    /**
     * Serializes an event as compact JSON in UTF-8, with a streaming writer reused by the calling
     * thread for the usual value types and the ObjectMapper for any other.
     */
    public static byte[] toBytes(Map<String, Object> event) {
        byte[] bytes = WRITERS.get().write(event);
        if (bytes != null) {
            return bytes;
        }
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Serializes an event as compact JSON text. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses any JSON text into maps, lists and scalars; used for REST responses. */
    public static JsonNode tree(byte[] body) throws InvalidPayloadException {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidPayloadException("not JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Converts a JSON object node into an event; other nodes are wrapped as payload. */
    public static Map<String, Object> toEvent(JsonNode node) {
        if (node.isObject()) {
            return MAPPER.convertValue(node, MAP);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put(PAYLOAD_KEY, MAPPER.convertValue(node, Object.class));
        return wrapped;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown parse error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
