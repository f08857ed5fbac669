package io.dishtayantra.runtime.calculator.expression;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.cel.common.values.NullValue;
import io.dishtayantra.crd.time.Durations;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts between event values (JSON as Java maps, lists, strings, numbers, booleans, null) and
 * the values the CEL runtime works with.
 *
 * <p>CEL has one integer type (int, a Java {@code long}) and one floating type (double), and its
 * operators do not mix them. JSON parsers produce Integer, Long, BigInteger, Double and
 * BigDecimal, so event values are shown to CEL through read-only views that convert each value
 * when CEL reads it; the event itself is neither copied nor modified.
 */
final class CelValues {

    private CelValues() {
    }

    /** Adapts an event value for CEL: integers become long, decimals double, null NullValue. */
    static Object toCel(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof BigInteger number) {
            return number.bitLength() < 64 ? (Object) number.longValue() : (Object) number.doubleValue();
        }
        if (value instanceof BigDecimal number) {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return new MapView(map);
        }
        if (value instanceof List<?> list) {
            return new ListView(list);
        }
        return value;
    }

    /** Adapts an event value for a variable declared as double: whole numbers become double. */
    static Object toCelDouble(Object value) {
        Object adapted = toCel(value);
        return adapted instanceof Long whole ? (Object) whole.doubleValue() : adapted;
    }

    /** Adapts an event value for a variable declared as int: whole-valued doubles become long. */
    static Object toCelInt(Object value) {
        Object adapted = toCel(value);
        if (adapted instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return number.longValue();
        }
        return adapted;
    }

    /**
     * Converts a CEL result to an event value.
     *
     * @throws IllegalArgumentException for a result with no JSON form, such as a protobuf message
     */
    static Object toEvent(Object value) {
        return switch (value) {
            case null -> null;
            case NullValue ignored -> null;
            case Long ignored -> value;
            case Double ignored -> value;
            case String ignored -> value;
            case Boolean ignored -> value;
            case UnsignedLong number -> number.compareTo(UnsignedLong.valueOf(Long.MAX_VALUE)) <= 0
                    ? (Object) number.longValue()
                    : number.bigIntegerValue();
            case ByteString bytes -> Base64.getEncoder().encodeToString(bytes.toByteArray());
            case Timestamp timestamp -> Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
            case com.google.protobuf.Duration duration ->
                    Durations.format(Duration.ofSeconds(duration.getSeconds(), duration.getNanos()));
            case Instant instant -> instant.toString();
            case Duration duration -> Durations.format(duration);
            case Optional<?> optional -> optional.map(CelValues::toEvent).orElse(null);
            case MapView view -> view.delegate;
            case ListView view -> view.delegate;
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(toEvent(key)), toEvent(item)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(toEvent(item)));
                yield copy;
            }
            default -> throw new IllegalArgumentException("an expression returned a "
                    + value.getClass().getSimpleName() + ", which has no JSON form; convert it with string()");
        };
    }

    /** Read-only view of an event map whose values are adapted on read. */
    static final class MapView extends AbstractMap<Object, Object> {

        private final Map<?, ?> delegate;

        MapView(Map<?, ?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object get(Object key) {
            Object value = delegate.get(key);
            return value == null && !delegate.containsKey(key) ? null : toCel(value);
        }

        @Override
        public boolean containsKey(Object key) {
            return delegate.containsKey(key);
        }

        @Override
        public int size() {
            return delegate.size();
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Object, Object>> iterator() {
                    Iterator<? extends Entry<?, ?>> entries = delegate.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return entries.hasNext();
                        }

                        @Override
                        public Entry<Object, Object> next() {
                            Entry<?, ?> entry = entries.next();
                            return new SimpleImmutableEntry<>(entry.getKey(), toCel(entry.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return delegate.size();
                }
            };
        }
    }

    /** Read-only view of an event list whose elements are adapted on read. */
    static final class ListView extends AbstractList<Object> {

        private final List<?> delegate;

        ListView(List<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object get(int index) {
            return toCel(delegate.get(index));
        }

        @Override
        public int size() {
            return delegate.size();
        }
    }
}
