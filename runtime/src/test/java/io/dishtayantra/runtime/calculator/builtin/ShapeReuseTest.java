package io.dishtayantra.runtime.calculator.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.event.CompactEventMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the built-ins, which remember what they do per input key array, against plain
 * LinkedHashMap versions of the same rules. The random events repeat, change and collide in
 * shape, and entry order is compared too.
 */
class ShapeReuseTest {

    private static final String[] NAMES = {"id", "sym", "qty", "px", "side", "trader", "ccy", "book", "account", "venue"};

    private final ApplyDefaults defaults = new ApplyDefaults(linked("trader", "unassigned", "ccy", "GBP", "nothing", null));
    private static final Map<String, String> MAPPING = Map.of("sym", "symbol", "qty", "quantity", "px", "price",
            "venue", "ccy");

    private final AttributeNameChange rename = new AttributeNameChange(MAPPING);
    private final AttributeFilterAway drop = new AttributeFilterAway(List.of("account", "book"));

    @Test
    void chainMatchesPlainRulesOverRandomShapes() {
        Random random = new Random(7);
        List<List<String>> shapes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            shapes.add(randomKeys(random));
        }

        for (int event = 0; event < 5_000; event++) {
            List<String> keys = shapes.get(random.nextInt(10) < 8 ? random.nextInt(2) : random.nextInt(shapes.size()));
            Map<String, Object> input = random.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
            for (String key : keys) {
                input.put(key, random.nextInt(6) == 0 ? null : random.nextInt(100));
            }
            Map<String, Object> inputCopy = new LinkedHashMap<>(input);

            Map<String, Object> afterDefaults = defaults.apply(input);
            assertSameEntries(afterDefaults, expectedDefaults(input));
            Map<String, Object> afterRename = rename.apply(afterDefaults);
            assertSameEntries(afterRename, expectedRename(MAPPING, afterDefaults));
            Map<String, Object> afterDrop = drop.apply(afterRename);
            assertSameEntries(afterDrop, expectedDrop(afterRename));
            assertSameEntries(input, inputCopy);

            if (random.nextInt(20) == 0) {
                // A consumer changing an output must not change other events sharing its keys.
                afterDrop.put("extra", 1);
                afterDrop.remove("id");
                afterRename.put("other", 2);
            }
        }
    }

    @Test
    void renameCollisionKeepsTheRules() {
        AttributeNameChange collide = new AttributeNameChange(Map.of("px", "price"));
        CompactEventMap input = compact("price", 5, "px", null);

        for (int i = 0; i < 3; i++) {
            assertSameEntries(collide.apply(input), expectedRename(Map.of("px", "price"), input));
        }
    }

    @Test
    void nullRenamedValueKeepsTargetInEitherOrder() {
        AttributeNameChange rename = new AttributeNameChange(Map.of("a", "b"));

        assertSameEntries(rename.apply(compact("b", 1, "a", null)), linked("b", 1));
        assertSameEntries(rename.apply(compact("a", null, "b", 1)), linked("b", 1));
        assertSameEntries(rename.apply(compact("b", 1, "a", 2)), linked("b", 2));
        assertSameEntries(rename.apply(compact("a", null)), linked("b", null));
    }

    @Test
    void nullNameIsKeptNotRenamedOrRemoved() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(null, 1);
        input.put("account", 2);
        input.put("px", 3);

        assertSameEntries(drop.apply(input), linked(null, 1, "px", 3));
        assertSameEntries(rename.apply(input), linked(null, 1, "account", 2, "price", 3));
    }

    @Test
    void defaultsReturnTheInputWhenNothingIsMissing() {
        ApplyDefaults fill = new ApplyDefaults(linked("ccy", "GBP"));
        CompactEventMap input = compact("ccy", "USD", "qty", 1);

        assertThat(fill.apply(input)).isSameAs(input);
        assertThat(fill.apply(input)).isSameAs(input);
        CompactEventMap withNull = compact("ccy", null, "qty", 1);
        assertSameEntries(fill.apply(withNull), linked("ccy", "GBP", "qty", 1));
    }

    private static List<String> randomKeys(Random random) {
        List<String> keys = new ArrayList<>(List.of(NAMES));
        java.util.Collections.shuffle(keys, random);
        return keys.subList(0, 3 + random.nextInt(NAMES.length - 3));
    }

    private Map<String, Object> expectedDefaults(Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>(input);
        for (Map.Entry<String, Object> entry : linked("trader", "unassigned", "ccy", "GBP", "nothing", null).entrySet()) {
            if (output.get(entry.getKey()) == null) {
                output.put(entry.getKey(), entry.getValue());
            }
        }
        return output;
    }

    private static Map<String, Object> expectedRename(Map<String, String> mapping, Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String newName = mapping.get(entry.getKey());
            if (newName != null) {
                if (entry.getValue() != null || output.get(newName) == null) {
                    output.put(newName, entry.getValue());
                }
            } else if (output.get(entry.getKey()) == null) {
                output.put(entry.getKey(), entry.getValue());
            }
        }
        return output;
    }

    private static Map<String, Object> expectedDrop(Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>(input);
        output.remove("account");
        output.remove("book");
        return output;
    }

    private static void assertSameEntries(Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(actual).isEqualTo(expected);
    }

    private static CompactEventMap compact(Object... keysAndValues) {
        CompactEventMap map = new CompactEventMap(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> linked(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
