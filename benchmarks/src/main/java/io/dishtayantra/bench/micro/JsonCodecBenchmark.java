package io.dishtayantra.bench.micro;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of reading and writing the Kafka case's trade event (11 attributes, about 200 bytes) with
 * {@link JsonPayloads}, next to the same work done with an ObjectMapper into a LinkedHashMap,
 * which is how JsonPayloads did it before its streaming reader and writer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonCodecBenchmark {

    private static final byte[] PAYLOAD = ("{\"id\":123456,\"sym\":\"VOD.L\",\"side\":\"BUY\",\"qty\":1456,"
            + "\"px\":72.91,\"account\":\"ACC-00042\",\"venue\":\"XLON\",\"trader\":null,\"book\":\"EQ-LDN-CASH\","
            + "\"note\":\"benchmark event 123456\",\"desk\":\"cash-equities-london\"}").getBytes(StandardCharsets.UTF_8);

    private ObjectMapper mapper;
    private ObjectReader mapReader;
    private Map<String, Object> event;
    private Map<String, Object> mapperEvent;

    @Setup
    public void setUp() throws Exception {
        mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapReader = mapper.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { });
        event = JsonPayloads.parse(PAYLOAD);
        mapperEvent = mapReader.readValue(PAYLOAD);
    }

    @Benchmark
    public Map<String, Object> parse() throws Exception {
        return JsonPayloads.parse(PAYLOAD);
    }

    @Benchmark
    public byte[] write() {
        return JsonPayloads.toBytes(event);
    }

    @Benchmark
    public Map<String, Object> parseWithMapper() throws Exception {
        return mapReader.readValue(PAYLOAD);
    }

    @Benchmark
    public byte[] writeWithMapper() throws Exception {
        return mapper.writeValueAsBytes(mapperEvent);
    }
}
