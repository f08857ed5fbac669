package io.dishtayantra.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactEventMapTest {

    @Test
    void randomOperationsMatchLinkedHashMap() {
        Random random = new Random(42);
        CompactEventMap compact = new CompactEventMap(2);
        Map<String, Object> expected = new LinkedHashMap<>();

        for (int step = 0; step < 20_000; step++) {
            String key = random.nextInt(12) == 0 ? null : "k" + random.nextInt(40);
            Object value = random.nextInt(5) == 0 ? null : random.nextInt(100);
            switch (random.nextInt(5)) {
                case 0, 1 -> assertThat(compact.put(key, value)).isEqualTo(expected.put(key, value));
                case 2 -> assertThat(compact.putIfAbsent(key, value)).isEqualTo(expected.putIfAbsent(key, value));
                case 3 -> assertThat(compact.remove(key)).isEqualTo(expected.remove(key));
                default -> assertThat(compact.get(key)).isEqualTo(expected.get(key));
            }
            assertThat(compact.containsKey(key)).isEqualTo(expected.containsKey(key));
            assertThat(compact.size()).isEqualTo(expected.size());
        }

        assertThat(new ArrayList<>(compact.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(compact).isEqualTo(expected);
        assertThat(compact.hashCode()).isEqualTo(expected.hashCode());
        assertThat(compact.toString()).isEqualTo(expected.toString());
    }

    @Test
    void copyKeepsOrderAndLeavesSourceAlone() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("b", 1);
        source.put("a", 2);
        Map<String, Object> first = CompactEventMap.copyOf(source, 1);
        Map<String, Object> second = CompactEventMap.copyOf(first, 0);

        second.put("c", 3);
        second.put("b", 9);

        assertThat(first).containsExactly(Map.entry("b", 1), Map.entry("a", 2));
        assertThat(second).containsExactly(Map.entry("b", 9), Map.entry("a", 2), Map.entry("c", 3));
        assertThat(source).containsExactly(Map.entry("b", 1), Map.entry("a", 2));
    }

    @Test
    void largeCopyFallsBackToLinkedHashMap() {
        Map<String, Object> source = new LinkedHashMap<>();
        for (int i = 0; i < CompactEventMap.MAX_COMPACT_SIZE; i++) {
            source.put("k" + i, i);
        }

        assertThat(CompactEventMap.copyOf(source, 0)).isInstanceOf(CompactEventMap.class);
        assertThat(CompactEventMap.copyOf(source, 1)).isInstanceOf(LinkedHashMap.class).isEqualTo(source);
    }

    @Test
    void iteratorRemovesAndWritesThrough() {
        CompactEventMap map = new CompactEventMap(4);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);

        Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
        List<String> seen = new ArrayList<>();
        while (entries.hasNext()) {
            Map.Entry<String, Object> entry = entries.next();
            seen.add(entry.getKey());
            if (entry.getKey().equals("b")) {
                entries.remove();
            } else {
                entry.setValue(10);
            }
        }

        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(map).containsExactly(Map.entry("a", 10), Map.entry("c", 10));
    }

    @Test
    void modificationDuringIterationFails() {
        CompactEventMap map = new CompactEventMap(4);
        map.put("a", 1);
        map.put("b", 2);
        Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
        entries.next();
        map.put("c", 3);

        assertThatThrownBy(entries::next).isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void sharedKeysAreCopiedOnWrite() {
        CompactEventMap first = new CompactEventMap(2);
        first.put("a", 1);
        first.put("b", 2);
        String[] keys = first.shareKeys();
        CompactEventMap second = CompactEventMap.withSharedKeys(keys, new Object[] {10, 20}, 2);

        second.put("c", 30);
        second.remove("a");
        first.put("d", 4);

        assertThat(first).containsExactly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("d", 4));
        assertThat(second).containsExactly(Map.entry("b", 20), Map.entry("c", 30));
        assertThat(keys[0]).isEqualTo("a");
        assertThat(keys[1]).isEqualTo("b");
        assertThat(CompactEventMap.withSharedKeys(keys, new Object[] {5, 6}, 2))
                .containsExactly(Map.entry("a", 5), Map.entry("b", 6));
    }

    @Test
    void clearOfSharedKeysLeavesOthersAlone() {
        CompactEventMap first = new CompactEventMap(2);
        first.put("a", 1);
        CompactEventMap second = CompactEventMap.withSharedKeys(first.shareKeys(), new Object[] {2}, 1);

        second.clear();
        second.put("z", 3);

        assertThat(first).containsExactly(Map.entry("a", 1));
        assertThat(second).containsExactly(Map.entry("z", 3));
    }

    @Test
    void adoptKeysNeedsTheSameKeyObjects() {
        CompactEventMap first = new CompactEventMap(2);
        first.put("a", 1);
        first.put("b", 2);
        String[] keys = first.shareKeys();
        CompactEventMap same = new CompactEventMap(2);
        same.put("a", 3);
        same.put("b", 4);
        CompactEventMap otherOrder = new CompactEventMap(2);
        otherOrder.put("b", 5);
        otherOrder.put("a", 6);
        CompactEventMap equalButNotSame = new CompactEventMap(2);
        equalButNotSame.put(new String("a"), 7);
        equalButNotSame.put("b", 8);

        assertThat(same.adoptKeys(keys, 2)).isTrue();
        assertThat(same.hasKeys(keys, 2)).isTrue();
        assertThat(otherOrder.adoptKeys(keys, 2)).isFalse();
        assertThat(equalButNotSame.adoptKeys(keys, 2)).isFalse();
        assertThat(same.adoptKeys(keys, 1)).isFalse();

        same.put("c", 9);
        assertThat(first).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        assertThat(same).containsExactly(Map.entry("a", 3), Map.entry("b", 4), Map.entry("c", 9));
    }

    @Test
    void sharedKeysRejectOversizedMaps() {
        assertThatThrownBy(() -> CompactEventMap.withSharedKeys(new String[1], new Object[2], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size 2");
    }
}
