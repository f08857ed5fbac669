package io.dishtayantra.runtime.calculator.natives;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a native function on named numeric fields passed as {@code double} columns in off-heap
 * memory, and writes the output columns back to named fields.
 *
 * <p>The C signature is
 * {@code int32_t fn(const double* const* inputs, size_t n_inputs, double* const* outputs, size_t n_outputs, size_t rows)}.
 * {@code inputs[i]} is the column of the i-th field of {@code inputs} in the config, and
 * {@code outputs[j]} the column for the j-th field of {@code outputs}; every column contains
 * {@code rows} doubles and is owned by the calculator. A field holding a number is one value; a
 * field holding a list of numbers is a column of that length. All list fields of an event must
 * have the same length, which is {@code rows}; number fields are repeated down the column. The
 * output fields are numbers when every input was a number, lists otherwise. Output columns are
 * set to NaN before each call, so a value the function does not write reads as NaN. A non-zero
 * return fails the event.
 *
 * <p>The columns are allocated once and reused, and grow when an event has more rows. Single
 * caller at a time, as the {@link Calculator} contract says.
 */
final class NumericNativeCalculator implements Calculator {

    private static final long DOUBLE_BYTES = ValueLayout.JAVA_DOUBLE.byteSize();

    private final String name;
    private final NativeSettings settings;
    private final String[] inputs;
    private final String[] outputs;
    private NativeFunction function;
    private MethodHandle handle;
    private MemorySegment inputPointers;
    private MemorySegment outputPointers;
    private MemorySegment[] columns;
    private long capacityRows;

    NumericNativeCalculator(String name, NativeSettings settings) {
        this.name = name;
        this.settings = settings;
        this.inputs = settings.inputs().toArray(String[]::new);
        this.outputs = settings.outputs().toArray(String[]::new);
    }

    @Override
    public void start(PluginContext context) throws NativeLinkException {
        function = NativeFunction.link(settings.resolveLibrary(context.baseDirectory()), settings.symbol(),
                NativeFunction.NUMERIC_SIGNATURE, settings.critical());
        handle = function.handle();
        inputPointers = function.arena().allocate(ValueLayout.ADDRESS, inputs.length);
        outputPointers = function.arena().allocate(ValueLayout.ADDRESS, outputs.length);
        allocateColumns(16);
        context.logger().info("Native calculator {} linked {} (numeric style, inputs {}, outputs {})", name,
                function.describe(), settings.inputs(), settings.outputs());
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) throws NativeCallException {
        if (handle == null) {
            throw new IllegalStateException("Native calculator " + name + " was called before start(PluginContext)");
        }
        int rows = rowsOf(input);
        boolean columnar = rows >= 0;
        if (!columnar) {
            rows = 1;
        }
        if (rows > capacityRows) {
            allocateColumns(Math.max(rows, capacityRows * 2));
        }
        writeInputs(input, rows);
        for (int j = 0; j < outputs.length; j++) {
            MemorySegment column = column(inputs.length + j);
            for (int row = 0; row < rows; row++) {
                column.setAtIndex(ValueLayout.JAVA_DOUBLE, row, Double.NaN);
            }
        }

        int code;
        try {
            code = (int) handle.invokeExact(inputPointers, (long) inputs.length, outputPointers,
                    (long) outputs.length, (long) rows);
        } catch (Throwable e) {
            throw new NativeCallException(function.describe(), "the call failed: " + e, e);
        }
        if (code != 0) {
            throw new NativeCallException(function.describe(), "returned error code " + code);
        }
        return readOutputs(input, rows, columnar);
    }

    @Override
    public void close() {
        if (function != null) {
            handle = null;
            function.close();
        }
    }

    /** Length of the list fields, or -1 when every input field is a number. */
    private int rowsOf(Map<String, Object> input) throws NativeCallException {
        int rows = -1;
        String first = null;
        for (String field : inputs) {
            Object value = input.get(field);
            if (value instanceof List<?> list) {
                if (rows >= 0 && list.size() != rows) {
                    throw new NativeCallException(function.describe(), "list fields must have the same length, but "
                            + first + " has " + rows + " values and " + field + " has " + list.size());
                }
                rows = list.size();
                first = field;
            } else if (!(value instanceof Number)) {
                throw new NativeCallException(function.describe(), "input field '" + field + "' must be a number or"
                        + " a list of numbers, but the event has " + (value == null ? "no value" : value));
            }
        }
        return rows;
    }

    private void writeInputs(Map<String, Object> input, int rows) throws NativeCallException {
        for (int i = 0; i < inputs.length; i++) {
            MemorySegment column = column(i);
            Object value = input.get(inputs[i]);
            if (value instanceof Number number) {
                double scalar = number.doubleValue();
                for (int row = 0; row < rows; row++) {
                    column.setAtIndex(ValueLayout.JAVA_DOUBLE, row, scalar);
                }
                continue;
            }
            List<?> list = (List<?>) value;
            for (int row = 0; row < rows; row++) {
                if (!(list.get(row) instanceof Number number)) {
                    throw new NativeCallException(function.describe(), "input field '" + inputs[i] + "[" + row
                            + "]' must be a number, but is " + list.get(row));
                }
                column.setAtIndex(ValueLayout.JAVA_DOUBLE, row, number.doubleValue());
            }
        }
    }

    private Map<String, Object> readOutputs(Map<String, Object> input, int rows, boolean columnar) {
        Map<String, Object> output = new LinkedHashMap<>(input);
        for (int j = 0; j < outputs.length; j++) {
            MemorySegment column = column(inputs.length + j);
            if (!columnar) {
                output.put(outputs[j], column.getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
                continue;
            }
            List<Double> values = new ArrayList<>(rows);
            for (int row = 0; row < rows; row++) {
                values.add(column.getAtIndex(ValueLayout.JAVA_DOUBLE, row));
            }
            output.put(outputs[j], values);
        }
        return output;
    }

    private MemorySegment column(int index) {
        return columns[index];
    }

    /**
     * Allocates room for {@code rows} rows and points the column pointer arrays at it. Earlier
     * columns stay allocated until close; sizes double, so that is at most twice the largest.
     */
    private void allocateColumns(long rows) {
        capacityRows = rows;
        int count = inputs.length + outputs.length;
        MemorySegment block = function.arena().allocate(ValueLayout.JAVA_DOUBLE, count * rows);
        columns = new MemorySegment[count];
        for (int index = 0; index < count; index++) {
            columns[index] = block.asSlice(index * rows * DOUBLE_BYTES, rows * DOUBLE_BYTES);
        }
        for (int i = 0; i < inputs.length; i++) {
            inputPointers.setAtIndex(ValueLayout.ADDRESS, i, column(i));
        }
        for (int j = 0; j < outputs.length; j++) {
            outputPointers.setAtIndex(ValueLayout.ADDRESS, j, column(inputs.length + j));
        }
    }
}
