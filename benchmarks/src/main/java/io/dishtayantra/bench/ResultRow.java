package io.dishtayantra.bench;

/**
 * One line of the benchmark table.
 *
 * @param throughput events per second, or NaN when the case does not measure it
 * @param p50Micros median latency in microseconds, or NaN
 * @param allocation bytes allocated per event where measured, otherwise "-"
 */
public record ResultRow(String benchmark, String variant, double throughput, double p50Micros, double p99Micros,
        double p999Micros, String allocation, String notes) {

    static String header() {
        return "| case | variant | throughput (events/s) | p50 (µs) | p99 (µs) | p99.9 (µs) | alloc/event | notes |\n"
                + "|---|---|---:|---:|---:|---:|---:|---|";
    }

    String markdown() {
        return "| " + benchmark + " | " + variant + " | " + number(throughput, 0) + " | " + number(p50Micros, 1)
                + " | " + number(p99Micros, 1) + " | " + number(p999Micros, 1) + " | " + allocation + " | " + notes + " |";
    }

    private static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return decimals == 0 ? String.format("%,.0f", value) : String.format("%,." + decimals + "f", value);
    }
}
