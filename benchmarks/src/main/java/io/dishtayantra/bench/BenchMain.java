package io.dishtayantra.bench;

import io.dishtayantra.bench.engine.InMemoryEngineCase;
import io.dishtayantra.bench.failover.FailoverCase;
import io.dishtayantra.bench.kafka.KafkaCase;
import io.dishtayantra.bench.operator.OperatorScaleCase;
import io.dishtayantra.bench.startup.StartupCase;
import io.dishtayantra.bench.micro.MicroCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the end-to-end benchmark cases and prints one Markdown table row per measurement.
 *
 * <p>Usage: {@code java -jar dishtayantra-benchmarks.jar [--case NAME]... [--events N] [--dags N] [--quick]}.
 * Cases: engine, builtins, calculators, codec, kafka, operator, startup, failover. {@code --dags N}
 * sets the operator case's DAG count (default 1,000). Without {@code --case}, every case runs. {@code --quick}
 * runs a tenth of the events (and one failover round instead of three), for checking that the
 * harness works, not for figures.
 */
public final class BenchMain {

    private static final List<String> ALL_CASES = List.of("engine", "builtins", "calculators", "codec", "kafka",
            "operator", "startup", "failover");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: the runtime's and operator's logback.xml log at INFO to stdout.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        Set<String> cases = new LinkedHashSet<>();
        long events = 1_000_000;
        int dags = 1_000;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--case" -> cases.add(args[++i]);
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--dags" -> dags = Integer.parseInt(args[++i]);
                case "--quick" -> quick = true;
                default -> {
                    System.err.println("Unknown argument " + args[i] + "; use --case NAME, --events N, --dags N or --quick");
                    System.exit(2);
                }
            }
        }
        if (quick) {
            events = events / 10;
            dags = dags / 10;
        }
        if (cases.isEmpty()) {
            cases.addAll(ALL_CASES);
        }

        System.out.println("Machine: " + Machine.describe());
        System.out.println();
        System.out.println(ResultRow.header());
        List<ResultRow> rows = new ArrayList<>();
        for (String name : cases) {
            List<ResultRow> caseRows = switch (name) {
                case "engine" -> new InMemoryEngineCase(events, Math.max(events / 5, 10_000), 100_000).run();
                case "builtins" -> new MicroCase("io.dishtayantra.bench.micro.BuiltinStepBenchmark", quick).run();
                case "calculators" -> new MicroCase("io.dishtayantra.bench.micro.CalculatorCallBenchmark", quick).run();
                case "codec" -> new MicroCase("io.dishtayantra.bench.micro.JsonCodecBenchmark", quick).run();
                case "kafka" -> new KafkaCase(events).run();
                case "operator" -> new OperatorScaleCase(dags).run();
                case "startup" -> new StartupCase(java.nio.file.Path.of(System.getProperty("bench.root", ".")),
                        Math.max(events / 2, 10_000)).run();
                case "failover" -> new FailoverCase(quick ? 1 : 3, 30_000, 2_000).run();
                default -> throw new IllegalArgumentException("Unknown case " + name + "; known: " + ALL_CASES);
            };
            for (ResultRow row : caseRows) {
                System.out.println(row.markdown());
            }
            rows.addAll(caseRows);
        }
    }
}
