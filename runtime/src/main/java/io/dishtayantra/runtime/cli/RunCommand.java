package io.dishtayantra.runtime.cli;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.calculator.PluginClassLoaders;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.config.EnvironmentResolver;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagSnapshot;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.DagStartException;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.dishtayantra.runtime.engine.InvalidDagException;
import io.dishtayantra.runtime.ha.ClusterSettings;
import io.dishtayantra.runtime.ha.ElectedDags;
import io.dishtayantra.runtime.engine.PublisherSnapshot;
import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.RuntimeHttpServer;
import io.dishtayantra.runtime.http.api.DagService;
import io.dishtayantra.runtime.http.health.LoadingState;
import io.dishtayantra.runtime.http.security.UserStore;
import io.dishtayantra.runtime.cluster.SuspendFileWatcher;
import io.dishtayantra.runtime.window.ElectedWindowGate;
import io.dishtayantra.runtime.window.StandaloneWindows;
import io.dishtayantra.runtime.window.WindowedRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dishtayantra run FILE|FOLDER…}: runs every DAG found until Ctrl-C (or {@code --stop-after}),
 * logging a throughput line per DAG every few seconds. A DAG with problems is not started and its
 * problems are printed; the others run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs every DAG in the given manifest files and folders (a folder's .yaml, .yml and .json "
                + "files, not recursive) until Ctrl-C.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every DAG ran and stopped",
            "1:a DAG had problems, failed to start, ended FAILED or stopped with undelivered events (the others still ran)",
            "2:the plugin folder does not exist or cannot be read"})
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "Manifest files or folders of manifests.")
    private List<Path> paths;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of jars with custom calculators, transformers and kinds (default: $DISHTAYANTRA_PLUGIN_DIR).")
    private Path plugins;

    @Option(names = "--summary-interval", paramLabel = "DURATION", defaultValue = "5s",
            description = "Time between throughput lines, such as 5s (default: ${DEFAULT-VALUE}).")
    private String summaryInterval;

    @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "How long stopping waits for queued events and failing publishers (default: ${DEFAULT-VALUE}).")
    private String stopTimeout;

    @Option(names = "--stop-after", paramLabel = "DURATION",
            description = "Stop every DAG after this long instead of waiting for Ctrl-C, such as 30s.")
    private String stopAfter;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port of the dashboard, API, /metrics and /health; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address the HTTP server listens on (default: 0.0.0.0 in a container, 127.0.0.1 elsewhere).")
    private String bindAddress;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the users file (default: $DISHTAYANTRA_DATA_DIR, else ./.dishtayantra).")
    private Path dataDirectory;

    @Option(names = "--no-http", description = "Do not start the HTTP server (no dashboard, API, metrics or probes).")
    private boolean noHttp;

    private int invalid;

    private StandaloneWindows windows = new StandaloneWindows(List.of());

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Duration summaryEvery = duration("--summary-interval", summaryInterval);
        Duration stopWait = duration("--stop-timeout", stopTimeout);
        Duration runFor = stopAfter == null ? null : duration("--stop-after", stopAfter);

        ClassLoader pluginLoader;
        try {
            pluginLoader = PluginClassLoaders.forFolder(PluginClassLoaders.folderFrom(plugins, System::getenv));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        EngineServices services = new EngineServices(CalculatorRegistry.load(pluginLoader),
                ConnectorRegistry.load(pluginLoader), EnvironmentResolver.system(), stopWait);
        RuntimeCatalog catalog = new RuntimeCatalog(services.calculators(), services.connectors());

        Optional<ClusterSettings> cluster;
        try {
            cluster = ClusterSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException invalidMode) {
            err.println(invalidMode.getMessage());
            err.flush();
            return 1;
        }

        Engine engine = new Engine(services);
        LoadingState loading = new LoadingState();
        // The server starts on its own thread while the manifests load. It is still up before the
        // first DAG starts, and a port in use stops the run before any DAG starts.
        CompletableFuture<RuntimeHttpServer> httpStart = startHttpInBackground(engine, loading, err);
        Map<Dag, Path> runnable;
        try {
            runnable = loadValidDags(catalog, err);
        } catch (IOException | RuntimeException failure) {
            closeWhenStarted(httpStart);
            engine.shutdown();
            throw failure;
        }
        RuntimeHttpServer http;
        try {
            http = awaitHttp(httpStart);
        } catch (RuntimeException failure) {
            engine.shutdown();
            BindException bind = bindFailure(failure);
            if (bind == null) {
                throw failure;
            }
            LOG.debug("HTTP server failed to start", failure);
            err.println("The HTTP server cannot listen on " + bindAddress + ":" + port + ": " + bind.getMessage()
                    + ". Stop the process that uses the port, choose another with --port, or run with --no-http.");
            err.flush();
            return 1;
        }
        boolean allValid = invalid == 0;
        if (runnable.isEmpty()) {
            if (http != null) {
                http.close();
            }
            engine.shutdown();
            err.println("No DAG to run.");
            err.flush();
            return 1;
        }
        if (cluster.isPresent()) {
            return runElected(engine, loading, http, runnable, cluster.get(), summaryEvery, runFor, err, allValid);
        }

        WindowedRuns windowed = new WindowedRuns(engine, Clock.systemUTC());
        Thread hook = Thread.ofPlatform().name("dishtayantra-shutdown").unstarted(() -> {
            LOG.info("Stopping every DAG");
            windowed.close();
            engine.shutdown();
            if (http != null) {
                http.close();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        InterruptHandler.install(System.err);
        int started = startAll(engine, windowed, runnable, err);
        SuspendFileWatcher suspendWatcher = startSuspendWatcher(engine);
        loading.markLoaded();
        StartupMemory.release();
        if (http != null) {
            runnable.forEach((dag, folder) -> http.bean(DagService.class).rememberBaseDirectory(dag.getMetadata().getName(), folder));
        }
        if (started == 0 && http == null) {
            Runtime.getRuntime().removeShutdownHook(hook);
            return 1;
        }
        waitAndReport(engine, windowed, summaryEvery, runFor, http != null);
        if (suspendWatcher != null) {
            suspendWatcher.close();
        }
        windowed.close();
        engine.shutdown();
        if (http != null) {
            http.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook stops the DAGs.
        }
        List<String> failed = engine.list().stream().filter(instance -> instance.state() == DagState.FAILED)
                .map(DagInstance::name).toList();
        if (!failed.isEmpty()) {
            err.println("DAGs that ended FAILED: " + String.join(", ", failed));
        }
        List<String> undelivered = new ArrayList<>();
        for (DagInstance instance : engine.list()) {
            DagSnapshot snapshot = instance.snapshot();
            // Abandoned publishes failed until the stop timeout; events still in flight after the
            // stop were handed to a publisher that never completed them. Both stay unacknowledged.
            long abandoned = snapshot.publishers().stream().mapToLong(PublisherSnapshot::abandoned).sum();
            long stranded = abandoned + snapshot.inFlight();
            if (stranded > 0) {
                undelivered.add(instance.name() + " (" + stranded + ")");
            }
        }
        if (!undelivered.isEmpty()) {
            err.println("DAGs that stopped with undelivered events, which stay unacknowledged at their sources: "
                    + String.join(", ", undelivered));
        }
        err.flush();
        return allValid && runnable.size() == started && failed.isEmpty() && undelivered.isEmpty() ? 0 : 1;
    }

    /** Loads every manifest and returns the DAGs without problems, each with its folder; prints the problems of the others. */
    private Map<Dag, Path> loadValidDags(RuntimeCatalog catalog, PrintWriter err) throws IOException {
        ManifestLoader loader = new ManifestLoader();
        Map<Dag, Path> runnable = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<ManifestDocument> documents = new ArrayList<>();
        for (Path path : paths) {
            documents.addAll(loader.load(path));
        }
        // TimeWindows are collected first, because a DAG may reference one from a later file.
        windows = new StandaloneWindows(documents);
        for (ManifestDocument document : documents) {
            if (document.resource() instanceof TimeWindow window) {
                LOG.info("{}: loaded TimeWindow {}", document.location(), window.getMetadata().getName());
                continue;
            }
            if (document.resource() != null && !(document.resource() instanceof Dag)) {
                LOG.info("{}: skipping {} {}; run takes DAGs only", document.location(),
                        document.resource().getKind(), document.resource().getMetadata().getName());
                continue;
            }
            List<ValidationProblem> problems = new ArrayList<>(ManifestCheck.problems(document, catalog));
            Dag dag = (Dag) document.resource();
            if (dag != null) {
                windows.problems(dag).stream().filter(problem -> !problems.contains(problem)).forEach(problems::add);
                String name = dag.getMetadata() == null ? null : dag.getMetadata().getName();
                String earlier = name == null ? null : seen.putIfAbsent(name, document.location());
                if (earlier != null) {
                    problems.add(new ValidationProblem("metadata.name", name,
                            "Another DAG of this name is in " + earlier + "; DAG names must be unique."));
                }
            }
            if (problems.isEmpty()) {
                runnable.put(dag, document.source().toAbsolutePath().getParent());
            } else {
                invalid++;
                err.println(document.location() + ": not started, " + problems.size()
                        + (problems.size() == 1 ? " problem:" : " problems:"));
                problems.forEach(problem -> err.println("  " + problem));
            }
        }
        err.flush();
        return runnable;
    }

    /**
     * Runs the DAGs in cluster mode: each is deployed standby and started only while this process
     * holds one of its Leases. Stopping releases the Leases so that a standby takes over at once.
     * The HTTP server runs on standbys too, so that their probes and metrics respond.
     *
     * <p>A DAG starts when its Lease is acquired; an {@link ElectedWindowGate} then keeps its
     * intake inside its time window on the pod's own clock, and the operator's TimeWindow handling
     * decides the pod count. NOTE: stopping or deleting a DAG through the HTTP API is not
     * coordinated with the Lease.
     */
    private int runElected(Engine engine, LoadingState loading, RuntimeHttpServer http, Map<Dag, Path> runnable,
            ClusterSettings cluster, Duration summaryEvery, Duration runFor, PrintWriter err, boolean allValid) {
        ElectedDags elected;
        try {
            elected = ElectedDags.start(engine, runnable, cluster);
        } catch (InvalidDagException | IllegalArgumentException | io.fabric8.kubernetes.client.KubernetesClientException failure) {
            err.println("Cannot run in cluster mode: " + failure.getMessage());
            err.flush();
            engine.shutdown();
            if (http != null) {
                http.close();
            }
            return 1;
        }
        // The watcher suspends again a DAG that a new Lease started, within one poll interval.
        SuspendFileWatcher suspendWatcher = startSuspendWatcher(engine);
        ElectedWindowGate windowGate = startWindowGate(engine, runnable, suspendWatcher);
        loading.markLoaded();
        StartupMemory.release();
        if (http != null) {
            runnable.forEach((dag, folder) -> http.bean(DagService.class).rememberBaseDirectory(dag.getMetadata().getName(), folder));
        }
        WindowedRuns noWindows = new WindowedRuns(engine, Clock.systemUTC());
        Thread hook = Thread.ofPlatform().name("dishtayantra-shutdown").unstarted(() -> {
            LOG.info("Stopping every DAG and releasing the Leases");
            if (windowGate != null) {
                windowGate.close();
            }
            elected.close();
            engine.shutdown();
            if (http != null) {
                http.close();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        // Standby and restarting DAGs are briefly not running, so only time or a signal ends the wait.
        waitAndReport(engine, noWindows, summaryEvery, runFor, true);
        if (windowGate != null) {
            windowGate.close();
        }
        if (suspendWatcher != null) {
            suspendWatcher.close();
        }
        elected.close();
        engine.shutdown();
        if (http != null) {
            http.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook stops the DAGs.
        }
        return allValid ? 0 : 1;
    }

    private int startAll(Engine engine, WindowedRuns windowed, Map<Dag, Path> runnable, PrintWriter err) {
        int started = 0;
        for (Map.Entry<Dag, Path> entry : runnable.entrySet()) {
            Optional<WindowSchedule> schedule = windows.scheduleFor(entry.getKey());
            if (schedule.isPresent()) {
                // The window controller deploys, starts, suspends and stops the DAG from now on.
                windowed.follow(entry.getKey(), entry.getValue(), schedule.get());
                started++;
                continue;
            }
            DagInstance instance = engine.deploy(entry.getKey(), entry.getValue());
            try {
                instance.start();
                started++;
            } catch (DagStartException failure) {
                err.println("DAG " + instance.name() + " failed to start: " + failure.getMessage());
            }
        }
        err.flush();
        return started;
    }

    /** Starts the gate that keeps elected DAGs inside their time windows; null when no DAG has one. */
    private ElectedWindowGate startWindowGate(Engine engine, Map<Dag, Path> runnable, SuspendFileWatcher suspendWatcher) {
        Map<String, WindowSchedule> schedules = new HashMap<>();
        for (Dag dag : runnable.keySet()) {
            windows.scheduleFor(dag).ifPresent(schedule -> schedules.put(dag.getMetadata().getName(), schedule));
        }
        if (schedules.isEmpty()) {
            return null;
        }
        BooleanSupplier suspendRequested = suspendWatcher == null ? () -> false : suspendWatcher::suspendRequested;
        return ElectedWindowGate.start(engine, schedules, Clock.systemUTC(), suspendRequested, Duration.ofMillis(250));
    }

    /**
     * Starts applying {@code spec.suspend} from the file the operator mounts, when the environment
     * names one ({@value SuspendFileWatcher#FILE_VARIABLE}); returns null otherwise.
     */
    private static SuspendFileWatcher startSuspendWatcher(Engine engine) {
        String file = System.getenv(SuspendFileWatcher.FILE_VARIABLE);
        if (file == null || file.isBlank()) {
            return null;
        }
        return SuspendFileWatcher.start(engine, Path.of(file), Duration.ofSeconds(2));
    }

    /**
     * Starts the HTTP server on its own thread, unless {@code --no-http} is set, in which case the
     * returned future completes with null.
     */
    private CompletableFuture<RuntimeHttpServer> startHttpInBackground(Engine engine, LoadingState loading, PrintWriter err) {
        CompletableFuture<RuntimeHttpServer> started = new CompletableFuture<>();
        if (noHttp) {
            started.complete(null);
            return started;
        }
        Thread.ofPlatform().name("dishtayantra-http-start").start(() -> {
            try {
                started.complete(startHttp(engine, loading, err));
            } catch (Throwable failure) {
                started.completeExceptionally(failure);
            }
        });
        return started;
    }

    /** Returns the BindException among the causes of a failed server start, or null. */
    private static BindException bindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }

    /** Waits for {@link #startHttpInBackground} and throws what the start threw, such as a port already in use. */
    private static RuntimeHttpServer awaitHttp(CompletableFuture<RuntimeHttpServer> started) {
        try {
            return started.join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failure.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failure;
        }
    }

    /** Closes the server once its start ends, when the run stops before it needs the server. */
    private static void closeWhenStarted(CompletableFuture<RuntimeHttpServer> started) {
        try {
            RuntimeHttpServer http = started.join();
            if (http != null) {
                http.close();
            }
        } catch (CompletionException failedToStart) {
            LOG.debug("HTTP server failed to start while the run was stopping", failedToStart.getCause());
        }
    }

    /**
     * Starts the HTTP server and prints its URL and, on the first run, the generated admin password.
     * The server starts before the DAGs so that probes answer while they load.
     */
    private RuntimeHttpServer startHttp(Engine engine, LoadingState loading, PrintWriter err) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        if (dataDirectory != null) {
            environment.put(HttpSettings.DATA_DIR_VARIABLE, dataDirectory.toString());
        }
        HttpSettings settings = HttpSettings.fromEnvironment(bindAddress, port, environment);
        RuntimeHttpServer http = RuntimeHttpServer.start(settings, engine, loading);
        PrintWriter out = spec.commandLine().getOut();
        String host = "0.0.0.0".equals(settings.bindAddress()) ? "localhost" : settings.bindAddress();
        out.println("Dashboard: http://" + host + ":" + http.port() + "/ui/ (started in " + http.startupTime().toMillis() + " ms)");
        if (!settings.cluster()) {
            http.bean(UserStore.class).generatedAdminPassword().ifPresentOrElse(
                    password -> out.println("Created user admin with password " + password
                            + " (shown only now; its hash is in " + http.bean(UserStore.class).file() + ")"),
                    () -> out.println("Users are in " + http.bean(UserStore.class).file()));
        }
        out.flush();
        return http;
    }

    /**
     * Logs a summary line per DAG every interval until the run time is over, the thread is
     * interrupted, or every DAG ended with no window left to reopen and no HTTP server through which DAGs can be started again.
     */
    private void waitAndReport(Engine engine, WindowedRuns windowed, Duration every, Duration runFor, boolean serving) {
        long endAt = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
        Map<String, Long> lastIn = new HashMap<>();
        long lastReport = System.nanoTime();
        CountDownLatch never = new CountDownLatch(1);
        while (System.nanoTime() - endAt < 0) {
            long wait = Math.min(every.toNanos(), endAt - System.nanoTime());
            try {
                never.await(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            double seconds = Math.max((now - lastReport) / 1e9, 1e-3);
            lastReport = now;
            boolean anyAlive = false;
            for (DagInstance instance : engine.list()) {
                DagSnapshot snapshot = instance.snapshot();
                long previous = lastIn.getOrDefault(snapshot.name(), 0L);
                lastIn.put(snapshot.name(), snapshot.eventsIn());
                int queued = snapshot.nodes().stream().mapToInt(node -> Math.max(node.queueDepth(), 0)).sum();
                LOG.info("DAG {} {}: {} in ({}/s), {} out, {} failed, {} queued", snapshot.name(), snapshot.state(),
                        snapshot.eventsIn(), String.format("%.1f", (snapshot.eventsIn() - previous) / seconds),
                        snapshot.eventsOut(), snapshot.eventsFailed(), queued);
                anyAlive |= !snapshot.state().isFinal();
            }
            if (!anyAlive && !serving && !windowed.any()) {
                return;
            }
        }
    }

    private Duration duration(String option, String text) {
        if (!Durations.isValid(text)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value '" + text + "' for " + option + ": write a duration such as 500ms, 5s or 2m.");
        }
        return Durations.parse(text);
    }
}
