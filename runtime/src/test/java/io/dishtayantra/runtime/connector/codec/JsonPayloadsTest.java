package io.dishtayantra.runtime.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.runtime.event.CompactEventMap;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checks the streaming reader and writer of {@link JsonPayloads} against the ObjectMapper path
 * they replace: the same values of the same Java types, the same bytes, the same error messages.
 */
class JsonPayloadsTest {

    /** The mapper with the settings JsonPayloads used before the streaming paths existed. */
    private static final ObjectMapper REFERENCE = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private enum Side { BUY }

    private record Trade(String symbol, int quantity) {
    }

    /** Parses as the object payload path did before: the mapper into a LinkedHashMap, then the number check. */
    private static Map<String, Object> referenceParse(byte[] payload) throws InvalidPayloadException {
        try {
            Map<String, Object> event = REFERENCE.readValue(payload, new TypeReference<LinkedHashMap<String, Object>>() { });
            FiniteNumbers.require(event);
            return event;
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(e.getMessage());
        } catch (IOException e) {
            String message = e.getMessage();
            int end = message.indexOf('\n');
            throw new InvalidPayloadException("not JSON: " + (end < 0 ? message : message.substring(0, end)));
        }
    }

    private static void assertParsesLikeMapper(String json) {
        assertParsesLikeMapper(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertParsesLikeMapper(byte[] payload) {
        String label = new String(payload, StandardCharsets.UTF_8);
        Map<String, Object> expected;
        try {
            expected = referenceParse(payload);
        } catch (InvalidPayloadException reference) {
            assertThatThrownBy(() -> JsonPayloads.parse(payload)).as(label)
                    .isInstanceOf(InvalidPayloadException.class).hasMessage(reference.getMessage());
            return;
        }
        Map<String, Object> actual;
        try {
            actual = JsonPayloads.parse(payload);
        } catch (InvalidPayloadException e) {
            throw new AssertionError(label + " was rejected: " + e.getMessage(), e);
        }
        assertThat(actual).as(label).isEqualTo(expected);
        assertThat(new ArrayList<>(actual.keySet())).as(label).isEqualTo(new ArrayList<>(expected.keySet()));
        assertSameTypes(label, actual, expected, true);
    }

    /** Compares value classes at every depth; the top-level map class is allowed to differ. */
    private static void assertSameTypes(String label, Object actual, Object expected, boolean topLevel) {
        if (expected == null) {
            assertThat(actual).as(label).isNull();
            return;
        }
        if (!topLevel) {
            assertThat(actual).as(label + " type of " + expected).isExactlyInstanceOf(expected.getClass());
        }
        if (expected instanceof Map<?, ?> expectedMap) {
            Map<?, ?> actualMap = (Map<?, ?>) actual;
            for (Map.Entry<?, ?> entry : expectedMap.entrySet()) {
                assertSameTypes(label + "." + entry.getKey(), actualMap.get(entry.getKey()), entry.getValue(), false);
            }
        } else if (expected instanceof List<?> expectedList) {
            List<?> actualList = (List<?>) actual;
            for (int i = 0; i < expectedList.size(); i++) {
                assertSameTypes(label + "[" + i + "]", actualList.get(i), expectedList.get(i), false);
            }
        }
    }

    private static void assertWritesLikeMapper(String label, Map<String, Object> event) {
        byte[] expected;
        try {
            expected = REFERENCE.writeValueAsBytes(event);
        } catch (JsonProcessingException reference) {
            assertThatThrownBy(() -> JsonPayloads.toBytes(event)).as(label)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("event cannot be written as JSON: " + reference.getOriginalMessage());
            return;
        }
        assertThat(new String(JsonPayloads.toBytes(event), StandardCharsets.UTF_8)).as(label)
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(JsonPayloads.toBytes(event)).as(label).isEqualTo(expected);
    }

    private static Map<String, Object> single(Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("v", value);
        return event;
    }

    private static String objectWithAttributes(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    @Test
    void parseMatchesMapperOnValidObjects() {
        List<String> payloads = List.of(
                "{\"id\":1,\"sym\":\"VOD.L\",\"side\":\"BUY\",\"qty\":100,\"px\":72.35,\"account\":\"ACC-00042\","
                        + "\"venue\":\"XLON\",\"trader\":null,\"book\":\"EQ-LDN-CASH\",\"note\":\"benchmark event 1\","
                        + "\"desk\":\"cash-equities-london\"}",
                "{}",
                "  \n\t{ \"a\" : 1 }  \r\n",
                "{\"a\":{},\"b\":[],\"c\":[[]],\"d\":[{}],\"e\":{\"f\":{\"g\":[1,{\"h\":null}]}}}",
                "{\"t\":true,\"f\":false,\"n\":null,\"s\":\"\"}",
                "{\"i\":0,\"neg\":-1,\"maxInt\":2147483647,\"overInt\":2147483648,\"minInt\":-2147483648,"
                        + "\"underInt\":-2147483649,\"maxLong\":9223372036854775807,\"overLong\":9223372036854775808,"
                        + "\"minLong\":-9223372036854775808,\"underLong\":-9223372036854775809,"
                        + "\"huge\":123456789012345678901234567890123456789}",
                "{\"d\":1.5,\"negZero\":-0.0,\"exp\":1e10,\"small\":1E-7,\"tenth\":0.1,\"one\":1.0,"
                        + "\"long\":123456789012345678901234567890.5,\"max\":1.7976931348623157e308,"
                        + "\"min\":4.9e-324,\"underflow\":1e-400,\"digits\":0.1234567890123456789012345}",
                "{\"list\":[1,2147483648,9223372036854775808,1.5,\"x\",null,true,[1e5]]}",
                "{\"esc\":\"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t \\u0000 \\u001f \\u2028\"}",
                "{\"unicode\":\"caf\u00e9 \u65e5\u672c \ud83d\ude00\",\"escaped\":\"\\u00e9\\ud83d\\ude00\"}",
                "{\"k\\u00e9y\":1,\"\":2,\"spa ce\":3}",
                "{\"a\":1,\"b\":2,\"a\":3}",
                "{\"a\":{\"x\":1,\"x\":2},\"b\":[{\"y\":1,\"y\":{\"z\":2}}]}",
                objectWithAttributes(CompactEventMap.MAX_COMPACT_SIZE),
                objectWithAttributes(CompactEventMap.MAX_COMPACT_SIZE + 1),
                objectWithAttributes(100),
                objectWithAttributes(CompactEventMap.MAX_COMPACT_SIZE + 1).replace("{", "{\"a0\":-5,"),
                "{\"deep\":" + "[".repeat(500) + "]".repeat(500) + "}",
                "{\"long\":\"" + "x".repeat(100_000) + "\"}");

        for (String payload : payloads) {
            assertParsesLikeMapper(payload);
        }
    }

    @Test
    void parseMatchesMapperOnRandomDuplicateKeys() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 500; round++) {
            int attributes = random.nextInt(45);
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < attributes; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(random.nextInt(40)).append("\":")
                        .append(random.nextInt(1000));
            }
            assertParsesLikeMapper(json.append('}').toString());
        }
    }

    @Test
    void parseMatchesMapperOnRejectedObjects() {
        List<String> payloads = List.of(
                "{", "{\"a\":", "{\"a\":}", "{\"a\":1", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}",
                "{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"a\":1} 2", "{\"a\":1}]", "{\"a\":[1,2}",
                "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
                "{\"a\":+1}", "{\"a\":tru}", "{\"a\":\"unterminated}", "{\"a\":\"ctrl \u0001 char\"}",
                "{\"a\":1e400}", "{\"a\":-1e400}", "{\"a\":{\"b\":[1,2e999]}}", "{\"a\":[{\"b\":-1e309}]}",
                "{\"deep\":" + "[".repeat(1200) + "]".repeat(1200) + "}",
                "{\"a\":1} // comment", "{\"a\":1 /* comment */}");

        for (String payload : payloads) {
            assertParsesLikeMapper(payload);
        }
    }

    @Test
    void parseMatchesMapperOnInvalidUtf8() {
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        byte[] invalidStart = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};

        assertParsesLikeMapper(truncated);
        assertParsesLikeMapper(invalidStart);
    }

    @Test
    void parseRejectsNonFiniteWithPath() {
        assertThatThrownBy(() -> JsonPayloads.parse("{\"id\":6,\"a\":{\"b\":[1,1e400]}}"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("the number at a.b[1] is too large for a double");
    }

    @Test
    void parseKeepsCompactMapUpToLimit() throws Exception {
        assertThat(JsonPayloads.parse(objectWithAttributes(CompactEventMap.MAX_COMPACT_SIZE)))
                .isInstanceOf(CompactEventMap.class);
        assertThat(JsonPayloads.parse(objectWithAttributes(CompactEventMap.MAX_COMPACT_SIZE + 1)))
                .isInstanceOf(LinkedHashMap.class);
    }

    @Test
    void parseOfNonObjectsIsUnchanged() throws Exception {
        assertThat(JsonPayloads.parse("[1,2]")).isEqualTo(Map.of("payload", List.of(1, 2)));
        assertThat(JsonPayloads.parse("\"text\"")).isEqualTo(Map.of("payload", "text"));
        assertThatThrownBy(() -> JsonPayloads.parse("   ")).hasMessage("empty payload");
        assertThatThrownBy(() -> JsonPayloads.parse(new byte[0])).hasMessage("empty payload");
    }

    @Test
    void toBytesMatchesMapperOnEventValues() {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("id", 7L);
        trade.put("sym", "VOD.L");
        trade.put("qty", 100);
        trade.put("px", 72.35);
        trade.put("trader", null);
        trade.put("live", true);
        CompactEventMap compact = new CompactEventMap(2);
        compact.put("b", 2);
        compact.put("a", List.of(1, "x"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner", new LinkedHashMap<>(Map.of("deeper", new ArrayList<>(List.of(1, 2.5, "z")))));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("trade", trade);
        values.put("compact", compact);
        values.put("nested", nested);
        values.put("empty map", Map.of());
        values.put("empty list", List.of());
        values.put("text", "plain");
        values.put("escapes", "quote \" backslash \\ slash / \b\f\n\r\t \u0000 \u001f \u007f \u2028 </script>");
        values.put("unicode", "caf\u00e9 \u65e5\u672c \ud83d\ude00");
        values.put("lone surrogate", "x\ud800y");
        values.put("long text", "y".repeat(70_000));
        values.put("int", Integer.MIN_VALUE);
        values.put("long", Long.MAX_VALUE);
        values.put("short", (short) -12);
        values.put("byte", (byte) 7);
        values.put("double", 0.1);
        values.put("negative zero", -0.0);
        values.put("double max", Double.MAX_VALUE);
        values.put("double min", Double.MIN_VALUE);
        values.put("double large", 1e21);
        values.put("double small", 1e-7);
        values.put("NaN", Double.NaN);
        values.put("infinity", Double.POSITIVE_INFINITY);
        values.put("negative infinity", Double.NEGATIVE_INFINITY);
        values.put("float", 1.1f);
        values.put("float NaN", Float.NaN);
        values.put("big integer", new BigInteger("123456789012345678901234567890"));
        values.put("big decimal", new BigDecimal("12345678901234567890.123456789"));
        values.put("big decimal exponent", new BigDecimal("1E+3"));
        values.put("big decimal small", new BigDecimal("0.0000001"));
        values.put("boolean", false);
        values.put("null", null);
        values.put("tree map", new TreeMap<>(Map.of("b", 1, "a", 2)));
        values.put("map of", Map.of("k", "v"));
        values.put("unmodifiable", Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("k", 1))));
        values.put("arrays list", Arrays.asList(1, null, "x"));
        values.put("list of maps", List.of(Map.of("a", 1), Map.of("b", List.of())));
        values.put("anonymous map", new LinkedHashMap<String, Object>() { { put("k", 1); } });
        values.put("integer keys", new LinkedHashMap<>(Map.of(1, "one")));
        values.put("set", new LinkedHashSet<>(List.of(1, 2)));
        values.put("int array", new int[] {1, 2});
        values.put("byte array", new byte[] {1, 2, 3});
        values.put("object array", new Object[] {"a", 1});
        values.put("character", 'c');
        values.put("atomic", new AtomicInteger(5));
        values.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        values.put("date", new Date(1_700_000_000_000L));
        values.put("enum", Side.BUY);
        values.put("record", new Trade("VOD.L", 3));
        values.put("optional", Optional.of(1));
        values.put("instant", Instant.parse("2026-01-02T03:04:05Z"));
        values.put("local date", LocalDate.of(2026, 1, 2));
        values.put("list with instant", List.of(1, Instant.EPOCH));

        for (Map.Entry<String, Object> entry : values.entrySet()) {
            assertWritesLikeMapper(entry.getKey(), single(entry.getValue()));
        }
        Map<String, Object> everythingWritable = new LinkedHashMap<>(values);
        everythingWritable.keySet().removeAll(List.of("instant", "local date", "list with instant", "optional"));
        assertWritesLikeMapper("all values in one event", everythingWritable);
    }

    @Test
    void toBytesMatchesMapperOnFieldNames() {
        Map<String, Object> names = new LinkedHashMap<>();
        for (int i = 0; i < 600; i++) {
            names.put("name-" + i, i);
        }
        names.put("", 1);
        names.put("quote \" and backslash \\", 2);
        names.put("tab\tnewline\ncontrol\u0001", 3);
        names.put("caf\u00e9 \ud83d\ude00", 4);
        names.put("tilde~ and delete\u007f", 5);
        names.put("n".repeat(65), 6);
        names.put("m".repeat(64), 7);

        // Twice, so the second write takes the names from the writer's cache.
        assertWritesLikeMapper("names, first write", names);
        assertWritesLikeMapper("names, second write", names);
        assertWritesLikeMapper("names nested", single(names));
    }

    @Test
    void toBytesMatchesMapperOnNullKeys() {
        CompactEventMap compact = new CompactEventMap(2);
        compact.put(null, 1);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put(null, "x");

        assertWritesLikeMapper("null key at the top level", compact);
        assertWritesLikeMapper("null key in a nested map", single(nested));
    }

    @Test
    void toBytesMatchesMapperOnSelfReference() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("self", cyclic);

        assertThatThrownBy(() -> REFERENCE.writeValueAsBytes(cyclic)).isInstanceOf(JsonProcessingException.class);
        assertWritesLikeMapper("self reference", cyclic);
    }

    @Test
    void toBytesRecoversAfterFallback() {
        Map<String, Object> plain = single(1);
        Map<String, Object> failing = new LinkedHashMap<>();
        failing.put("first", "written before the failure");
        failing.put("instant", Instant.EPOCH);

        assertThat(JsonPayloads.toBytes(plain)).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":1}");
        assertThatThrownBy(() -> JsonPayloads.toBytes(failing)).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonPayloads.toBytes(plain)).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":1}");
        assertThat(JsonPayloads.toBytes(Map.of())).asString(StandardCharsets.UTF_8).isEqualTo("{}");
    }

    @Test
    void writeThenParseRoundTrips() throws Exception {
        String payload = "{\"id\":9223372036854775807,\"px\":72.35,\"tags\":[\"a\",{\"b\":null}],\"s\":\"\\u00e9\"}";

        Map<String, Object> event = JsonPayloads.parse(payload);

        assertThat(JsonPayloads.toBytes(event)).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"id\":9223372036854775807,\"px\":72.35,\"tags\":[\"a\",{\"b\":null}],\"s\":\"\u00e9\"}");
    }
}
