package io.dishtayantra.runtime.http;

import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.http.health.LoadingState;
import io.dishtayantra.runtime.http.logs.LogBuffer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's embedded HTTP server: API, metrics, health, monitoring, logs and dashboard.
 * The caller hands in the objects the controllers serve (the engine, settings); the server owns
 * the Micronaut context and closes it in {@link #close()}.
 */
public final class RuntimeHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeHttpServer.class);

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Duration startupTime;

    private RuntimeHttpServer(ApplicationContext context, EmbeddedServer server, Duration startupTime) {
        this.context = context;
        this.server = server;
        this.startupTime = startupTime;
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @param settings where to listen and in which mode
     * @param engine the DAGs the API serves; the caller keeps ownership and shuts it down
     * @param loading the readiness flag the caller sets once the start-up DAGs are deployed
     * @param beans further singletons, such as a KubernetesClient for cluster mode
     * @throws io.micronaut.http.server.exceptions.ServerStartupException when the port is taken
     */
    public static RuntimeHttpServer start(HttpSettings settings, Engine engine, LoadingState loading, Object... beans) {
        long started = System.nanoTime();
        LogBuffer logBuffer = LogBuffer.install();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.host", settings.bindAddress());
        properties.put("micronaut.server.port", settings.port() == 0 ? -1 : settings.port());
        properties.put("micronaut.server.max-request-size", 4 * 1024 * 1024);
        properties.put("micronaut.router.static-resources.dashboard.paths", "classpath:dashboard");
        properties.put("micronaut.router.static-resources.dashboard.mapping", "/ui/**");
        properties.put("jackson.serialization-inclusion", "always");
        properties.put("jackson.serialization.write-dates-as-timestamps", false);
        properties.put("dishtayantra.mode", settings.mode().name().toLowerCase());

        List<Object> singletons = new ArrayList<>(List.of(beans));
        singletons.add(settings);
        singletons.add(engine);
        singletons.add(loading);
        singletons.add(logBuffer);
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .singletons(singletons.toArray())
                .banner(false)
                .deduceEnvironment(false)
                .start();
        long contextStarted = System.nanoTime();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        try {
            server.start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("HTTP server listening on {} in {} mode, started in {} ms ({} ms for the context, {} ms for the server)",
                server.getURL(), settings.mode().name().toLowerCase(), startupTime.toMillis(),
                (contextStarted - started) / 1_000_000, (System.nanoTime() - contextStarted) / 1_000_000);
        return new RuntimeHttpServer(context, server, startupTime);
    }

    /** Returns the base URI, such as http://127.0.0.1:8080. */
    public URI uri() {
        return URI.create("http://" + server.getHost() + ":" + server.getPort());
    }

    /** Returns the port the server listens on. */
    public int port() {
        return server.getPort();
    }

    /** Time from {@link #start} until the server accepted connections. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Returns a bean of the server's context, such as the user store. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops the server and closes its context; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!context.isRunning()) {
            return;
        }
        server.stop();
        context.close();
        LOG.info("HTTP server stopped");
    }
}
