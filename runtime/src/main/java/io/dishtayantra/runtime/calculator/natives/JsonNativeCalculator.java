package io.dishtayantra.runtime.calculator.natives;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls a native function with the event as JSON and reads a JSON object back.
 *
 * <p>The C signature is
 * {@code int32_t fn(const char* in_json, size_t in_len, char* out_buf, size_t out_cap, size_t* out_len)}.
 * The calculator owns every buffer: {@code in_json} contains {@code in_len} bytes of UTF-8 followed
 * by a NUL, {@code out_buf} has room for {@code out_cap} bytes. The function returns
 * <ul>
 *   <li>0 after writing {@code *out_len} bytes of JSON (an object, or {@code null} for no output),
 *   <li>1 when {@code out_cap} is too small, with the size it needs in {@code *out_len}; the
 *       calculator grows the buffer (up to {@code maxOutputBytes}) and calls again once,
 *   <li>any other value for an error, optionally with a UTF-8 message of {@code *out_len} bytes in
 *       {@code out_buf}; the event then fails with that message.
 * </ul>
 * Buffers are allocated off-heap once and reused; they only grow. Single caller at a time, as
 * the {@link Calculator} contract says.
 */
final class JsonNativeCalculator implements Calculator {

    static final int OK = 0;
    static final int BUFFER_TOO_SMALL = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final NativeSettings settings;
    private NativeFunction function;
    private MethodHandle handle;
    private MemorySegment inputBuffer;
    private MemorySegment outputBuffer;
    private MemorySegment outputLength;

    JsonNativeCalculator(String name, NativeSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    @Override
    public void start(PluginContext context) throws NativeLinkException {
        function = NativeFunction.link(settings.resolveLibrary(context.baseDirectory()), settings.symbol(),
                NativeFunction.JSON_SIGNATURE, settings.critical());
        handle = function.handle();
        inputBuffer = function.arena().allocate(4096);
        outputBuffer = function.arena().allocate(settings.outputBufferBytes());
        outputLength = function.arena().allocate(ValueLayout.JAVA_LONG);
        context.logger().info("Native calculator {} linked {} (json style)", name, function.describe());
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) throws NativeCallException {
        if (handle == null) {
            throw new IllegalStateException("Native calculator " + name + " was called before start(PluginContext)");
        }
        byte[] json = toJson(input);
        if (inputBuffer.byteSize() < json.length + 1L) {
            inputBuffer = function.arena().allocate(Math.max(json.length + 1L, inputBuffer.byteSize() * 2));
        }
        MemorySegment.copy(json, 0, inputBuffer, ValueLayout.JAVA_BYTE, 0, json.length);
        inputBuffer.set(ValueLayout.JAVA_BYTE, json.length, (byte) 0);

        int code = call(json.length);
        if (code == BUFFER_TOO_SMALL) {
            growOutputBuffer();
            code = call(json.length);
        }
        if (code != OK) {
            throw new NativeCallException(function.describe(), failureText(code));
        }
        return merge(input, fromJson(readOutput()));
    }

    @Override
    public void close() {
        if (function != null) {
            handle = null;
            function.close();
        }
    }

    private int call(int inputLength) throws NativeCallException {
        outputLength.set(ValueLayout.JAVA_LONG, 0, 0L);
        try {
            return (int) handle.invokeExact(inputBuffer, (long) inputLength, outputBuffer, outputBuffer.byteSize(),
                    outputLength);
        } catch (Throwable e) {
            throw new NativeCallException(function.describe(), "the call failed: " + e, e);
        }
    }

    private void growOutputBuffer() throws NativeCallException {
        long needed = outputLength.get(ValueLayout.JAVA_LONG, 0);
        if (needed <= outputBuffer.byteSize()) {
            throw new NativeCallException(function.describe(), "returned buffer-too-small (1) but asked for "
                    + needed + " bytes, no more than the " + outputBuffer.byteSize() + " it had; set *out_len to"
                    + " the size needed");
        }
        if (needed > settings.maxOutputBytes()) {
            throw new NativeCallException(function.describe(), "needs " + needed + " bytes of output, more than"
                    + " maxOutputBytes (" + settings.maxOutputBytes() + "); raise maxOutputBytes if this is expected");
        }
        outputBuffer = function.arena().allocate(Math.min(settings.maxOutputBytes(),
                Math.max(needed, outputBuffer.byteSize() * 2)));
    }

    private byte[] readOutput() throws NativeCallException {
        long length = outputLength.get(ValueLayout.JAVA_LONG, 0);
        if (length < 0 || length > outputBuffer.byteSize()) {
            throw new NativeCallException(function.describe(), "reported " + length + " output bytes but the"
                    + " buffer has room for " + outputBuffer.byteSize());
        }
        return outputBuffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
    }

    private String failureText(int code) {
        long length = outputLength.get(ValueLayout.JAVA_LONG, 0);
        if (length <= 0 || length > outputBuffer.byteSize()) {
            return "returned error code " + code;
        }
        String message = new String(outputBuffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE),
                StandardCharsets.UTF_8);
        return "returned error code " + code + ": " + message;
    }

    private byte[] toJson(Map<String, Object> input) throws NativeCallException {
        try {
            return MAPPER.writeValueAsBytes(input);
        } catch (JacksonException e) {
            throw new NativeCallException(function.describe(), "the event could not be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private Object fromJson(byte[] output) throws NativeCallException {
        try {
            return MAPPER.readValue(output, Object.class);
        } catch (java.io.IOException e) {
            throw new NativeCallException(function.describe(), "returned invalid JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> merge(Map<String, Object> input, Object result) throws NativeCallException {
        if (result == null) {
            return null;
        }
        if (!(result instanceof Map<?, ?> object)) {
            throw new NativeCallException(function.describe(), "returned " + result.getClass().getSimpleName()
                    + " JSON; return an object, or null for no output");
        }
        if ("replace".equals(settings.output())) {
            return (Map<String, Object>) object;
        }
        Map<String, Object> output = new LinkedHashMap<>(input);
        output.putAll((Map<String, Object>) object);
        return output;
    }
}
