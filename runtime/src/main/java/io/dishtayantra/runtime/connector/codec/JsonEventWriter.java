package io.dishtayantra.runtime.connector.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.dishtayantra.runtime.event.CompactEventMap;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes an event as compact JSON with one reused generator, for the value types events carry:
 * maps with String keys, lists, strings, Integer, Long, Short, Byte, Double, Float, BigInteger,
 * BigDecimal, Boolean and null. Maps and lists must be JDK or {@link CompactEventMap} classes,
 * because a class of the application could carry Jackson annotations that change its output.
 * The generator comes from the mapper's factory, so escaping and number formats are the mapper's.
 *
 * <p>{@link #write} returns null for any other value, a null or non-String key, or a write error,
 * and the caller then writes the event with the mapper, which gives today's bytes or exception.
 * One instance per thread: not thread-safe, and not reentrant.
 */
final class JsonEventWriter {

    /** Above this size the output buffer is dropped after a write, so one large event does not pin it. */
    private static final int MAX_KEPT_BUFFER = 64 * 1024;
    /** Number of slots in the field-name cache, a power of two. */
    private static final int NAME_SLOTS = 256;
    private static final int MAX_CACHED_NAME_LENGTH = 64;

    private static final ClassValue<Boolean> PLAIN_CONTAINER = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type == CompactEventMap.class || type.getClassLoader() == null
                    || type.getClassLoader() == ClassLoader.getPlatformClassLoader();
        }
    };

    /** Thrown inside the writer for a value left to the mapper. Preallocated, without a stack trace. */
    private static final class NotHandled extends Exception {

        NotHandled() {
            super(null, null, false, false);
        }
    }

    private static final NotHandled NOT_HANDLED = new NotHandled();

    private final JsonFactory factory;
    private ByteArrayBuilder buffer;
    private JsonGenerator generator;
    private boolean writing;
    // Field names with their quoted UTF-8 bytes, direct-mapped by hash: events of one stream
    // repeat the same few dozen names, and a cached name is copied instead of encoded.
    private final String[] cachedNames = new String[NAME_SLOTS];
    private final SerializedString[] encodedNames = new SerializedString[NAME_SLOTS];

    JsonEventWriter(JsonFactory factory) {
        this.factory = factory;
    }

    /** Returns the event as UTF-8 JSON bytes, or null when the mapper must write it. */
    byte[] write(Map<String, Object> event) {
        if (writing) {
            return null;
        }
        writing = true;
        try {
            if (generator == null) {
                open();
            }
            writeMap(event);
            generator.flush();
            byte[] bytes = buffer.toByteArray();
            if (bytes.length > MAX_KEPT_BUFFER) {
                generator = null;
            } else {
                buffer.reset();
            }
            return bytes;
        } catch (IOException | NotHandled | RuntimeException e) {
            // The generator may be inside an object now; the next write starts a fresh one.
            generator = null;
            return null;
        } finally {
            writing = false;
        }
    }

    private void open() throws IOException {
        buffer = new ByteArrayBuilder();
        generator = factory.createGenerator(buffer);
        // One generator writes many root values; the mapper's output has no separator between them.
        generator.setRootValueSeparator(null);
    }

    private void writeMap(Map<?, ?> map) throws IOException, NotHandled {
        if (!PLAIN_CONTAINER.get(map.getClass())) {
            throw NOT_HANDLED;
        }
        generator.writeStartObject();
        if (map instanceof CompactEventMap compact) {
            int size = compact.size();
            for (int i = 0; i < size; i++) {
                writeField(compact.keyAt(i), compact.valueAt(i));
            }
        } else {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeField(entry.getKey(), entry.getValue());
            }
        }
        generator.writeEndObject();
    }

    private void writeField(Object key, Object value) throws IOException, NotHandled {
        if (!(key instanceof String name)) {
            throw NOT_HANDLED;
        }
        SerializedString encoded = encodedName(name);
        if (encoded != null) {
            generator.writeFieldName(encoded);
        } else {
            generator.writeFieldName(name);
        }
        writeValue(value);
    }

    /** Returns the cached encoding of a name, or null for a name that needs escaping or is long. */
    private SerializedString encodedName(String name) {
        int slot = name.hashCode() & (NAME_SLOTS - 1);
        String cached = cachedNames[slot];
        if (cached == name || name.equals(cached)) {
            return encodedNames[slot];
        }
        if (!isPlainAscii(name)) {
            return null;
        }
        SerializedString encoded = new SerializedString(name);
        cachedNames[slot] = name;
        encodedNames[slot] = encoded;
        return encoded;
    }

    /** Whether the generator writes the name byte for byte: printable ASCII without quote or backslash. */
    private static boolean isPlainAscii(String name) {
        if (name.length() > MAX_CACHED_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private void writeList(List<?> list) throws IOException, NotHandled {
        if (!PLAIN_CONTAINER.get(list.getClass())) {
            throw NOT_HANDLED;
        }
        generator.writeStartArray();
        for (Object element : list) {
            writeValue(element);
        }
        generator.writeEndArray();
    }

    private void writeValue(Object value) throws IOException, NotHandled {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.writeString(text);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            case Boolean flag -> generator.writeBoolean(flag);
            case Map<?, ?> map -> writeMap(map);
            case List<?> list -> writeList(list);
            case BigDecimal number -> generator.writeNumber(number);
            case BigInteger number -> generator.writeNumber(number);
            case Float number -> generator.writeNumber(number);
            case Short number -> generator.writeNumber(number);
            case Byte number -> generator.writeNumber(number.intValue());
            default -> throw NOT_HANDLED;
        }
    }
}
