package com.example.dishtayantra;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import io.dishtayantra.api.PluginMetrics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running volume-weighted average price per symbol, as a DishtaYantra plugin calculator.
 *
 * <p>Config: {@code symbolField} (default symbol), {@code priceField} (price),
 * {@code quantityField} (qty), {@code outputField} (vwap). The sums live in memory and start
 * again when the DAG restarts.
 */
public final class VwapCalculator implements Calculator {

    private final Map<String, double[]> sums = new HashMap<>();
    private String symbolField;
    private String priceField;
    private String quantityField;
    private String outputField;
    private PluginMetrics.Counter skipped;

    @Override
    public void start(PluginContext context) {
        Map<String, Object> config = context.config();
        symbolField = (String) config.getOrDefault("symbolField", "symbol");
        priceField = (String) config.getOrDefault("priceField", "price");
        quantityField = (String) config.getOrDefault("quantityField", "qty");
        outputField = (String) config.getOrDefault("outputField", "vwap");
        skipped = context.metrics().counter("vwap_skipped_total", "Events without a numeric price or quantity.");
        context.metrics().gauge("vwap_symbols", "Symbols with a running VWAP.", sums::size);
        context.logger().info("VWAP of {} x {} per {} into {}", priceField, quantityField, symbolField, outputField);
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) {
        if (!(input.get(priceField) instanceof Number price) || !(input.get(quantityField) instanceof Number qty)) {
            skipped.increment();
            throw new IllegalArgumentException("event needs numbers in " + priceField + " and " + quantityField);
        }
        double[] sum = sums.computeIfAbsent(String.valueOf(input.get(symbolField)), symbol -> new double[2]);
        sum[0] += price.doubleValue() * qty.doubleValue();
        sum[1] += qty.doubleValue();

        Map<String, Object> output = new LinkedHashMap<>(input);
        output.put(outputField, sum[1] == 0 ? null : sum[0] / sum[1]);
        return output;
    }

    @Override
    public void close() {
        sums.clear();
    }
}
