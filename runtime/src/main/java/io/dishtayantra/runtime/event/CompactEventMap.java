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
 * <p>Maps with the same attributes in the same order can share one key array. A step that gets
 * the same input keys again reuses the output keys it built the first time, and the next step
 * recognises them by reference ({@link #hasKeys}). A map never writes a shared key array; it
 * copies it before its first change of keys (copy on write). Values are never shared.
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
    private boolean keysShared;
    private int modifications;
    private EntrySet entrySet;

    public CompactEventMap(int capacity) {
        keys = new String[Math.max(4, capacity)];
        values = new Object[keys.length];
    }

    private CompactEventMap(String[] sharedKeys, Object[] values, int size) {
        this.keys = sharedKeys;
        this.values = values;
        this.size = size;
        this.keysShared = true;
    }

    /**
     * Returns a map of the keys {@code sharedKeys[0..size)} and the values {@code values[0..size)}.
     * The key array must come from {@link #shareKeys}, so no map writes it; the value array
     * becomes the new map's own and must not be used by the caller afterwards.
     */
    public static CompactEventMap withSharedKeys(String[] sharedKeys, Object[] values, int size) {
        if (size > sharedKeys.length || size > values.length) {
            throw new IllegalArgumentException("size " + size + " exceeds the key array (" + sharedKeys.length
                    + ") or the value array (" + values.length + ")");
        }
        return new CompactEventMap(sharedKeys, values, size);
    }

    /**
     * Returns this map's key array for other maps to share; its first {@link #size} entries are the
     * keys in order. From now on this map copies the array before changing its keys.
     */
    public String[] shareKeys() {
        keysShared = true;
        return keys;
    }

    /**
     * Returns whether this map's keys are the very objects {@code keys[0..size)}, in that order.
     * Compares references only, and the arrays themselves first, so it is cheap when maps share key
     * arrays. It only reads this map, so it is safe on an event that other threads read too.
     */
    public boolean hasKeys(String[] keys, int size) {
        if (keys == null || this.size != size) {
            return false;
        }
        String[] own = this.keys;
        if (own == keys) {
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (own[i] != keys[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns an array whose first {@link #size} entries are this map's keys, for a step to remember
     * the shape by: the shared key array itself when this map has one (no map writes it), so later
     * {@link #hasKeys} tests succeed by reference, or else a copy. Does not change this map.
     */
    public String[] keysForShape() {
        return keysShared ? keys : Arrays.copyOf(keys, size);
    }

    /**
     * Switches this map to the key array {@code sharedKeys} when its keys are the same objects in
     * the same order, so that later steps recognise the shape by reference. Returns whether it did.
     * Only for a map no other thread can see yet, such as a step's new output.
     */
    public boolean adoptKeys(String[] sharedKeys, int size) {
        if (!hasKeys(sharedKeys, size)) {
            return false;
        }
        keys = sharedKeys;
        keysShared = true;
        return true;
    }

    /**
     * Copies the values of {@code source} into {@code into}, in iteration order, when its keys are
     * the very objects {@code keys[0..size)} in that order; returns whether they were. Lets a step
     * recognise the shape of a map of any class without building a key array.
     */
    public static boolean copyValuesIfKeys(Map<String, Object> source, String[] keys, int size, Object[] into) {
        if (keys == null || source.size() != size) {
            return false;
        }
        if (source instanceof CompactEventMap compact) {
            if (!compact.hasKeys(keys, size)) {
                return false;
            }
            System.arraycopy(compact.values, 0, into, 0, size);
            return true;
        }
        int i = 0;
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            if (i == size || entry.getKey() != keys[i]) {
                return false;
            }
            into[i++] = entry.getValue();
        }
        return i == size;
    }

    /** Returns a copy of the values, in key order, in an array of {@code length} slots (at least {@link #size}). */
    public Object[] copyValues(int length) {
        return Arrays.copyOf(values, length);
    }

    /**
     * The key array of the maps last seen at one place in the code, so that the next map with the
     * same keys in the same order shares it. Not thread-safe.
     */
    public static final class SharedKeys {

        private String[] keys;
        private int size = -1;

        /** Makes {@code map} share the remembered key array when it has the same keys, or remembers its keys. */
        public void share(CompactEventMap map) {
            if (!map.adoptKeys(keys, size)) {
                keys = map.shareKeys();
                size = map.size();
            }
        }
    }

    /** Copies a shared key array before this map changes its keys. */
    private void ownKeys() {
        if (keysShared) {
            keys = Arrays.copyOf(keys, Math.max(keys.length, size + 1));
            keysShared = false;
        }
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
        ownKeys();
        if (size == keys.length || size == values.length) {
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
        ownKeys();
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
        ownKeys();
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
        int capacity = Math.max(4, Math.max(keys.length, values.length) * 2);
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
