package io.dishtayantra.runtime.calculator.builtin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types {@code Addition} and {@code Multiplication}: combines the attributes named in
 * {@code arguments} and writes the result to {@code outputAttribute}, keeping the input's other
 * attributes. The result is a Long when every argument is a whole number and the result fits,
 * otherwise a Double. Strings holding a number (as CSV files give) are accepted.
 */
final class Arithmetic extends BuiltinOperation {

    enum Operation {
        ADDITION, MULTIPLICATION
    }

    private final Operation operation;
    private final String[] arguments;
    private final String outputAttribute;

    Arithmetic(Operation operation, List<String> arguments, String outputAttribute) {
        this.operation = operation;
        this.arguments = arguments.toArray(String[]::new);
        this.outputAttribute = outputAttribute;
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        boolean whole = true;
        long wholeResult = operation == Operation.ADDITION ? 0 : 1;
        double result = wholeResult;
        for (String argument : arguments) {
            Number number = numberOf(argument, input.get(argument));
            if (whole && isWhole(number)) {
                try {
                    wholeResult = operation == Operation.ADDITION
                            ? Math.addExact(wholeResult, number.longValue())
                            : Math.multiplyExact(wholeResult, number.longValue());
                } catch (ArithmeticException overflow) {
                    whole = false;
                }
            } else {
                whole = false;
            }
            result = operation == Operation.ADDITION ? result + number.doubleValue() : result * number.doubleValue();
        }
        Map<String, Object> output = new LinkedHashMap<>(Math.max(4, (input.size() + 1) * 2));
        output.putAll(input);
        output.put(outputAttribute, whole ? (Object) wholeResult : (Object) result);
        return output;
    }

    private static boolean isWhole(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }

    private static Number numberOf(String argument, Object value) {
        if (value instanceof Number number) {
            return number;
        }
        if (value == null) {
            throw new IllegalArgumentException("Argument '" + argument + "' is missing from the input");
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notWhole) {
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException notNumber) {
                    // Reported below with the value.
                }
            }
        }
        throw new IllegalArgumentException("Argument '" + argument + "' is not a number: " + value);
    }
}
