package io.dishtayantra.bench.startup;

import io.dishtayantra.bench.Load;
import io.dishtayantra.bench.ResultRow;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Case 6: start-up and footprint of the runtime as a child process,
 * {@code java -jar runtime/target/dishtayantra.jar run DIR} on the harness's JDK, with default JVM
 * settings, and then as users start it, {@code bin/dishtayantra run DIR}, whose class data sharing
 * archive a first, unmeasured run of the wrapper writes when it stops.
 *
 * <p>Start-up: from just before the child process is started until its log shows every DAG of
 * the folder started (the line {@code DAG NAME started: ...}), JVM start included. Idle RSS:
 * VmRSS of the child 5 s after the examples finished their input files. Under load: the peak
 * VmRSS, sampled every 100 ms, while one DAG runs the engine case's chain on a file of events.
 * The examples run from a copy in benchmarks/target, so their output and read positions stay there.
 */
public final class StartupCase {

    private final Path root;
    private final long loadEvents;

    /** @param root the repository's root folder */
    public StartupCase(Path root, long loadEvents) {
        this.root = root.toAbsolutePath();
        this.loadEvents = loadEvents;
    }

    public List<ResultRow> run() throws Exception {
        Path jar = root.resolve("runtime/target/dishtayantra.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " not found; build it with make build");
        }
        Path work = root.resolve("benchmarks/target/bench-startup");
        deleteRecursively(work);
        Path examples = copyExamples(work.resolve("examples"));
        Path loadFolder = writeLoadManifest(work.resolve("load"));

        List<ResultRow> rows = new ArrayList<>();
        int dags = countManifests(examples);
        try (Child child = Child.start(jar, examples)) {
            rows.add(measureIdle(child, "run examples/ (" + dags + " DAGs)", dags));
        }
        Path wrapper = root.resolve("bin/dishtayantra");
        try (Child child = Child.startWrapper(wrapper, copyExamples(work.resolve("examples-archive")))) {
            // Stopping this run makes the JVM write the wrapper's archive, which the next run maps.
            child.awaitStarted(dags, 60);
        }
        try (Child child = Child.startWrapper(wrapper, copyExamples(work.resolve("examples-wrapper")))) {
            rows.add(measureIdle(child, "bin/dishtayantra run examples/ (" + dags + " DAGs, CDS archive)", dags));
        }
        try (Child child = Child.start(jar, loadFolder)) {
            child.expectLoad(loadEvents);
            child.awaitStarted(1, 60);
            long peakKiB = 0;
            long start = System.nanoTime();
            while (!child.finishedLoad() && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3)) {
                peakKiB = Math.max(peakKiB, child.residentKiB());
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            peakKiB = Math.max(peakKiB, child.residentKiB());
            rows.add(new ResultRow("runtime footprint", "file -> 5-node chain -> file", loadEvents / seconds,
                    Double.NaN, Double.NaN, Double.NaN, "-", String.format("peak RSS %,d MiB while processing %,d"
                            + " events (throughput includes JSON parsing and writing); load %s", peakKiB >> 10,
                            loadEvents, Load.oneMinute())));
        }
        return rows;
    }

    /** Waits until every DAG started, then 5 s more, and reads the child's resident memory. */
    private static ResultRow measureIdle(Child child, String variant, int dags) throws Exception {
        long readyNanos = child.awaitStarted(dags, 60);
        Thread.sleep(5_000);
        long idleKiB = child.residentKiB();
        return new ResultRow("runtime start-up", variant, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "-",
                String.format("ready (every DAG started) after %,d ms; idle RSS %,d MiB; load %s",
                        TimeUnit.NANOSECONDS.toMillis(readyNanos), idleKiB >> 10, Load.oneMinute()));
    }

    private Path copyExamples(Path target) throws IOException {
        Files.createDirectories(target.resolve("data"));
        try (Stream<Path> files = Files.list(root.resolve("examples"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("examples/data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve("data").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private Path writeLoadManifest(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("data"));
        try (BufferedWriter writer = Files.newBufferedWriter(folder.resolve("data/events.jsonl"))) {
            for (long i = 0; i < loadEvents; i++) {
                writer.write("{\"id\":" + i + ",\"sym\":\"VOD.L\",\"side\":\"BUY\",\"qty\":" + (100 + i % 5000)
                        + ",\"px\":72.35,\"account\":\"ACC-00042\",\"venue\":\"XLON\",\"trader\":null,"
                        + "\"book\":\"EQ-LDN-CASH\",\"desk\":\"cash-equities-london\"}\n");
            }
        }
        Files.writeString(folder.resolve("load.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata:
                  name: load
                spec:
                  subscribers:
                    - name: in
                      uri: file://data/events.jsonl
                  publishers:
                    - name: out
                      uri: file://out/events.jsonl
                  calculators:
                    - name: defaults
                      type: ApplyDefaults
                      config: {defaults: {trader: unassigned, ccy: GBP}}
                    - name: rename
                      type: AttributeNameChange
                      config: {nameMapping: {sym: symbol, qty: quantity, px: price}}
                    - name: drop
                      type: AttributeFilterAway
                      config: {filterAttributes: [account, book]}
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: apply-defaults, type: Calculation, calculator: defaults}
                    - {name: rename-fields, type: Calculation, calculator: rename}
                    - {name: drop-fields, type: Calculation, calculator: drop}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges:
                    - {from: ingest, to: apply-defaults}
                    - {from: apply-defaults, to: rename-fields}
                    - {from: rename-fields, to: drop-fields}
                    - {from: drop-fields, to: emit}
                """);
        return folder;
    }

    private static int countManifests(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(path -> path.toString().endsWith(".yaml")).count();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The runtime's child process and the start times and counts read from its log. */
    private static final class Child implements AutoCloseable {

        /** The run command's summary line of the load DAG, such as {@code DAG load RUNNING: 1200 in (...) 1200 out}. */
        private static final Pattern LOAD_SUMMARY = Pattern.compile("DAG load RUNNING: \\d+ in \\([^)]*\\), (\\d+) out");

        private final Process process;
        private final long startNanos;
        private final CountDownLatch started = new CountDownLatch(1);
        private final AtomicLong dagsStarted = new AtomicLong();
        private volatile long lastStartedNanos;
        private volatile boolean loadDone;
        private volatile int expectedDags = Integer.MAX_VALUE;
        private volatile long loadEvents = Long.MAX_VALUE;

        private Child(Process process, long startNanos) {
            this.process = process;
            this.startNanos = startNanos;
        }

        static Child start(Path jar, Path folder) throws IOException {
            // The JDK running the harness, not whichever java comes first on the PATH.
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return start(new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                    "run", "--summary-interval=1s", folder.toString()), folder);
        }

        /** Starts {@code bin/dishtayantra run}; the wrapper execs the JVM, so the process is the runtime's JVM. */
        static Child startWrapper(Path wrapper, Path folder) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(wrapper.toString(), "run", "--summary-interval=1s",
                    folder.toString());
            // The wrapper takes $JAVA_HOME when it is a JDK 25: the harness's own JDK.
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            return start(builder, folder);
        }

        private static Child start(ProcessBuilder builder, Path folder) throws IOException {
            long startNanos = System.nanoTime();
            Process process = builder.directory(folder.toFile()).redirectErrorStream(true).start();
            Child child = new Child(process, startNanos);
            Thread.ofPlatform().daemon(true).name("runtime-log-reader").start(child::readLog);
            return child;
        }

        private void readLog() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.contains("DagInstance - DAG ") && line.contains(" started: ")) {
                        lastStartedNanos = System.nanoTime();
                        if (dagsStarted.incrementAndGet() >= expectedDags) {
                            started.countDown();
                        }
                    }
                    Matcher summary = LOAD_SUMMARY.matcher(line);
                    if (summary.find() && Long.parseLong(summary.group(1)) >= loadEvents) {
                        loadDone = true;
                    }
                }
            } catch (IOException e) {
                started.countDown();
            }
        }

        /** Waits until {@code dags} DAGs logged their start; returns nanoseconds since process start. */
        long awaitStarted(int dags, int timeoutSeconds) throws InterruptedException {
            expectedDags = dags;
            if (dagsStarted.get() < dags && !started.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Only " + dagsStarted.get() + " of " + dags + " DAGs started within "
                        + timeoutSeconds + " s; is the runtime jar up to date?");
            }
            return lastStartedNanos - startNanos;
        }

        /** Sets the output count of the load DAG at which {@link #finishedLoad()} turns true. */
        void expectLoad(long events) {
            loadEvents = events;
        }

        boolean finishedLoad() {
            return loadDone || !process.isAlive();
        }

        long residentKiB() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("No VmRSS line for process " + process.pid());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
