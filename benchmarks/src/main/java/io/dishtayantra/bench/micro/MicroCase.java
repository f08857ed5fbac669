package io.dishtayantra.bench.micro;

import io.dishtayantra.bench.Load;
import io.dishtayantra.bench.ResultRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this package (built-in steps, calculator calls, JSON codec) in one
 * forked JVM each, with the GC profiler for bytes allocated per call, and turns each result into
 * a row.
 */
public final class MicroCase {

    private final String include;
    private final boolean quick;

    /** @param include a regular expression over benchmark names, as JMH's {@code -e}/include takes */
    public MicroCase(String include, boolean quick) {
        this.include = include;
        this.quick = quick;
    }

    public List<ResultRow> run() throws Exception {
        Options options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                        "-Dbench.root=" + System.getProperty("bench.root", "."))
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<ResultRow> rows = new ArrayList<>();
        for (RunResult result : results) {
            rows.add(row(result));
        }
        return rows;
    }

    private static ResultRow row(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        String className = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1,
                benchmark.lastIndexOf('.'));
        String variant = String.join(",", result.getParams().getParamsKeys().stream()
                .map(key -> result.getParams().getParam(key)).toList());
        if (variant.isEmpty()) {
            variant = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }
        double nanosPerCall = result.getPrimaryResult().getScore();
        double error = result.getPrimaryResult().getScoreError();
        Result allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
        String bytes = allocation == null ? "-" : String.format("%,.0f B", allocation.getScore());
        String label = switch (className) {
            case "CalculatorCallBenchmark" -> "calculator call";
            case "JsonCodecBenchmark" -> "JSON payload codec";
            default -> "built-in step call";
        };
        return new ResultRow(label, variant, 1e9 / nanosPerCall, Double.NaN, Double.NaN, Double.NaN, bytes,
                String.format("%,.1f ± %,.1f ns/call (JMH average); load %s", nanosPerCall, error, Load.oneMinute()));
    }
}
