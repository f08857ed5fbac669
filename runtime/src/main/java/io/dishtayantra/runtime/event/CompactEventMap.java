package io.dishtayantra.runtime.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An insertion-ordered map of event attributes kept in two parallel arrays, for the maps built on
 * the hot path: outputs of the built-in steps and parsed payloads. Typical events have a few dozen
 * attributes, and at that size a linear scan that compares cached string hashes is a cheap lookup. Copying one of these maps is two array
 * copies, where a LinkedHashMap allocates and links an entry per attribute; that copy was most of
 * the built-ins' cost per event.
 *
 * <p>Iteration order, {@code equals} and {@code hashCode} are those of a LinkedHashMap with the
 * same insertions. Null keys and values are allowed. Lookups cost O(size), so the built-ins fall
 * back to LinkedHashMap above {@link #MAX_COMPACT_SIZE} attributes. Not thread-safe; like every
 * event map, it is handed on and not modified once a step returned it.
 */
public final class CompactEventMap extends AbstractMap<String, Object> {

    /** Above this many attributes, the built-ins copy into a LinkedHashMap instead. */
    public static final int MAX_COMPACT_SIZE = 32;

    private String[] keys;
    private Object[] values;
    private int size;
    private int modifications;
    private EntrySet entrySet;

    public CompactEventMap(int capacity) {
        keys = new String[Math.max(4, capacity)];
        values = new Object[keys.length];
    }

    /** Copies {@code source}, leaving room for {@code extra} more attributes without growing. */
    public static Map<String, Object> copyOf(Map<String, Object> source, int extra) {
        int size = source.size();
        if (size + extra > MAX_COMPACT_SIZE) {
            Map<String, Object> copy = java.util.LinkedHashMap.newLinkedHashMap(size + extra);
            copy.putAll(source);
            return copy;
        }
        CompactEventMap copy = new CompactEventMap(size + extra);
        if (source instanceof CompactEventMap compact) {
            System.arraycopy(compact.keys, 0, copy.keys, 0, size);
            System.arraycopy(compact.values, 0, copy.values, 0, size);
            copy.size = size;
        } else {
            for (Map.Entry<String, Object> entry : source.entrySet()) {
                copy.keys[copy.size] = entry.getKey();
                copy.values[copy.size] = entry.getValue();
                copy.size++;
            }
        }
        return copy;
    }

    /** Returns a new map of the given capacity: compact when it fits, a LinkedHashMap otherwise. */
    public static Map<String, Object> withCapacity(int capacity) {
        return capacity > MAX_COMPACT_SIZE ? java.util.LinkedHashMap.newLinkedHashMap(capacity)
                : new CompactEventMap(capacity);
    }

    /** Appends a key known to be absent, without the lookup {@link #put} does. */
    public void appendAbsent(String key, Object value) {
        if (size == keys.length) {
            grow();
        }
        keys[size] = key;
        values[size] = value;
        size++;
        modifications++;
    }

    public int indexOf(Object key) {
        String[] table = keys;
        if (key == null) {
            for (int i = 0; i < size; i++) {
                if (table[i] == null) {
                    return i;
                }
            }
            return -1;
        }
        if (!(key instanceof String name)) {
            return -1;
        }
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            String candidate = table[i];
            if (candidate == name || (candidate != null && candidate.hashCode() == hash && candidate.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    public String keyAt(int index) {
        return keys[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        int index = indexOf(key);
        return index < 0 ? defaultValue : values[index];
    }

    @Override
    public Object put(String key, Object value) {
        int index = indexOf(key);
        if (index >= 0) {
            Object previous = values[index];
            values[index] = value;
            return previous;
        }
        appendAbsent(key, value);
        return null;
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        int index = indexOf(key);
        if (index < 0) {
            appendAbsent(key, value);
            return null;
        }
        Object previous = values[index];
        if (previous == null) {
            values[index] = value;
        }
        return previous;
    }

    @Override
    public Object remove(Object key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        Object previous = values[index];
        removeAt(index);
        return previous;
    }

    private void removeAt(int index) {
        int moved = size - index - 1;
        System.arraycopy(keys, index + 1, keys, index, moved);
        System.arraycopy(values, index + 1, values, index, moved);
        size--;
        keys[size] = null;
        values[size] = null;
        modifications++;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        modifications++;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        int expected = modifications;
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
            if (modifications != expected) {
                throw new ConcurrentModificationException();
            }
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        EntrySet set = entrySet;
        if (set == null) {
            set = new EntrySet();
            entrySet = set;
        }
        return set;
    }

    private void grow() {
        int capacity = keys.length * 2;
        keys = Arrays.copyOf(keys, capacity);
        values = Arrays.copyOf(values, capacity);
    }

    private final class EntrySet extends AbstractSet<Map.Entry<String, Object>> {

        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            CompactEventMap.this.clear();
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
            return new EntryIterator();
        }
    }

    private final class EntryIterator implements Iterator<Map.Entry<String, Object>> {

        private int next;
        private int last = -1;
        private int expected = modifications;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Map.Entry<String, Object> next() {
            if (modifications != expected) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new Entry(last);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException("next() was not called, or remove() was already called for this entry");
            }
            if (modifications != expected) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = modifications;
        }
    }

    /** An entry that reads and writes through to its slot, as a LinkedHashMap entry does. */
    private final class Entry implements Map.Entry<String, Object> {

        private final int index;

        Entry(int index) {
            this.index = index;
        }

        @Override
        public String getKey() {
            return keys[index];
        }

        @Override
        public Object getValue() {
            return values[index];
        }

        @Override
        public Object setValue(Object value) {
            Object previous = values[index];
            values[index] = value;
            return previous;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map.Entry<?, ?> entry && Objects.equals(getKey(), entry.getKey())
                    && Objects.equals(getValue(), entry.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
