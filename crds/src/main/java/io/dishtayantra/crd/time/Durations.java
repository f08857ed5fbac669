package io.dishtayantra.crd.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Go and Kubernetes write them: a sequence of number-unit pairs such as
 * {@code 500ms}, {@code 10s}, {@code 2m} or {@code 1h30m}. Units: ns, us (or µs), ms, s, m, h, d.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("^(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h|d))+$");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

    /**
     * The maximum duration: the most nanoseconds a {@code long} holds, about 292 years.
     * Longer values would overflow {@link Duration#toNanos()} where the runtime schedules them.
     */
    public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

    /** {@link #MAX} as written in messages. */
    public static final String MAX_TEXT = "2562047h (about 292 years)";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming the text when it is not a duration or is longer than {@link #MAX}
     */
    public static Duration parse(String text) {
        if (text == null || !WHOLE.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "'; write a number and a unit such as 500ms, 10s, 2m or 1h30m");
        }
        long totalNanos = 0;
        Matcher part = PART.matcher(text.trim());
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            long nanosPerUnit = switch (part.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "d" -> 86_400_000_000_000L;
                default -> throw new IllegalStateException("unit " + part.group(2));
            };
            double nanos = amount * nanosPerUnit;
            try {
                if (nanos >= Long.MAX_VALUE) {
                    throw new ArithmeticException("overflow");
                }
                totalNanos = Math.addExact(totalNanos, Math.round(nanos));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("duration '" + text + "' is too long; write at most " + MAX_TEXT);
            }
        }
        return Duration.ofNanos(totalNanos);
    }

    /** Returns whether the text parses as a duration no longer than {@link #MAX}. */
    public static boolean isValid(String text) {
        if (text == null || !WHOLE.matcher(text.trim()).matches()) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Formats a duration the way {@link #parse} reads it, such as {@code 1h30m} or {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int millis = duration.toMillisPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0) {
            text.append(seconds).append('s');
        }
        if (millis > 0) {
            text.append(millis).append("ms");
        }
        return text.isEmpty() ? duration.toNanos() + "ns" : text.toString();
    }
}
