package io.dishtayantra.runtime.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last few outputs of a node, for diagnostics. The executor thread adds with two plain-cost
 * stores; readers on other threads get a best-effort copy that may miss the newest value.
 */
final class RecentValues {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(RecentValues.class, "next", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object[] slots;
    private final int mask;
    private long next;

    /** @param capacity a power of two */
    RecentValues(int capacity) {
        this.slots = new Object[capacity];
        this.mask = capacity - 1;
    }

    void add(Map<String, Object> value) {
        long position = next;
        SLOTS.setRelease(slots, (int) (position & mask), value);
        NEXT.setRelease(this, position + 1);
    }

    /** Returns the stored values, oldest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> snapshot() {
        long end = (long) NEXT.getAcquire(this);
        long start = Math.max(0, end - slots.length);
        List<Map<String, Object>> values = new ArrayList<>((int) (end - start));
        for (long position = start; position < end; position++) {
            Object value = SLOTS.getAcquire(slots, (int) (position & mask));
            if (value != null) {
                values.add((Map<String, Object>) value);
            }
        }
        return values;
    }
}
