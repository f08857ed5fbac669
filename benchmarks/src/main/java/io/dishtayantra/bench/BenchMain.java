package io.dishtayantra.bench;

import io.dishtayantra.bench.engine.InMemoryEngineCase;
import io.dishtayantra.bench.failover.FailoverCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the end-to-end benchmark cases and prints one Markdown table row per measurement.
 *
 * <p>Usage: {@code java -jar dishtayantra-benchmarks.jar [--case NAME]... [--events N] [--quick]}.
 * Cases: engine, failover. Without {@code --case}, every case runs. {@code --quick} runs a tenth
 * of the events (and one failover round instead of three), for checking that the harness works,
 * not for figures.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> cases = new LinkedHashSet<>();
        long events = 1_000_000;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--case" -> cases.add(args[++i]);
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--quick" -> quick = true;
                default -> {
                    System.err.println("Unknown argument " + args[i] + "; use --case NAME, --events N or --quick");
                    System.exit(2);
                }
            }
        }
        if (quick) {
            events = events / 10;
        }
        if (cases.isEmpty()) {
            cases.add("engine");
            cases.add("failover");
        }

        System.out.println("Machine: " + Machine.describe());
        System.out.println();
        System.out.println(ResultRow.header());
        List<ResultRow> rows = new ArrayList<>();
        for (String name : cases) {
            List<ResultRow> caseRows = switch (name) {
                case "engine" -> new InMemoryEngineCase(events, Math.max(events / 5, 10_000), 100_000).run();
                case "failover" -> new FailoverCase(quick ? 1 : 3, 30_000, 2_000).run();
                default -> throw new IllegalArgumentException("Unknown case " + name + "; known: engine, failover");
            };
            for (ResultRow row : caseRows) {
                System.out.println(row.markdown());
            }
            rows.addAll(caseRows);
        }
    }
}
