package io.dishtayantra.runtime.connector.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dishtayantra.runtime.event.CompactEventMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON object payload into an event with one streaming parser loop, producing the same
 * values as {@link JsonPayloads}' ObjectMapper: nested objects as LinkedHashMap, arrays as
 * ArrayList, integers as Integer, Long or BigInteger by size, and decimals as Double. The top
 * level becomes a {@link CompactEventMap}, or a LinkedHashMap above
 * {@link CompactEventMap#MAX_COMPACT_SIZE} attributes, because the built-in steps copy the top
 * level of every event. A duplicate key keeps its first position and takes the last value, as
 * with the mapper.
 *
 * <p>This reader decides only the valid case. It returns null for anything else (invalid JSON,
 * trailing tokens, numbers too large for a double, token types the mapper would handle
 * differently), so the caller reruns the mapper, which produces today's value or error message.
 * Thread-safe.
 */
final class JsonEventReader {

    private static final int INITIAL_CAPACITY = 16;

    /** Thrown inside the loop for input left to the mapper. Preallocated, without a stack trace. */
    private static final class NotHandled extends Exception {

        NotHandled() {
            super(null, null, false, false);
        }
    }

    private static final NotHandled NOT_HANDLED = new NotHandled();

    private JsonEventReader() {
    }

    /** Returns the event read from a payload whose first token opens an object, or null to leave it to the mapper. */
    static Map<String, Object> read(JsonFactory factory, byte[] payload) {
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> event = readTopLevel(parser);
            if (parser.nextToken() != null) {
                return null;
            }
            return event;
        } catch (IOException | NotHandled | RuntimeException e) {
            // The mapper reads the payload again and reports the error in its usual words.
            return null;
        }
    }

    private static Map<String, Object> readTopLevel(JsonParser parser) throws IOException, NotHandled {
        CompactEventMap compact = new CompactEventMap(INITIAL_CAPACITY);
        Map<String, Object> event = compact;
        // One bit per name hash modulo 64: a name whose bit is clear is certainly new, so it is
        // appended without the linear search that put() makes to find a duplicate key.
        long seenHashes = 0;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            Object value = readValue(parser, parser.nextToken());
            long hashBit = 1L << (name.hashCode() & 63);
            if (compact != null && (seenHashes & hashBit) == 0) {
                compact.appendAbsent(name, value);
            } else {
                event.put(name, value);
            }
            seenHashes |= hashBit;
            if (compact != null && compact.size() > CompactEventMap.MAX_COMPACT_SIZE) {
                event = LinkedHashMap.newLinkedHashMap(2 * CompactEventMap.MAX_COMPACT_SIZE);
                event.putAll(compact);
                compact = null;
            }
        }
        requireEndObject(parser);
        return event;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException, NotHandled {
        if (token == null) {
            throw NOT_HANDLED;
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> readDecimal(parser);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT -> readNestedObject(parser);
            case START_ARRAY -> readArray(parser);
            default -> throw NOT_HANDLED;
        };
    }

    /** Mirrors the mapper for decimals: a Double, except for parsers that report another exact type. */
    private static Double readDecimal(JsonParser parser) throws IOException, NotHandled {
        JsonParser.NumberTypeFP type = parser.getNumberTypeFP();
        if (type != JsonParser.NumberTypeFP.UNKNOWN && type != JsonParser.NumberTypeFP.DOUBLE64) {
            throw NOT_HANDLED;
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            // FiniteNumbers names the attribute when the mapper path rereads the payload.
            throw NOT_HANDLED;
        }
        return value;
    }

    private static Map<String, Object> readNestedObject(JsonParser parser) throws IOException, NotHandled {
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.put(name, readValue(parser, parser.nextToken()));
        }
        requireEndObject(parser);
        return object;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException, NotHandled {
        List<Object> array = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            array.add(readValue(parser, token));
        }
        return array;
    }

    private static void requireEndObject(JsonParser parser) throws NotHandled {
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw NOT_HANDLED;
        }
    }
}
