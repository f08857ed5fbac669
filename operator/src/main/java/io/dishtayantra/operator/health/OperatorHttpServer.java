package io.dishtayantra.operator.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dishtayantra.operator.metrics.OperatorMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} (Prometheus text format), {@code /health/live} and
 * {@code /health/ready} over plain HTTP with the JDK's built-in server. Responds with 200 or 503 and a
 * short text body.
 */
public final class OperatorHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorHttpServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    /**
     * Starts the server.
     *
     * @param port the port on all interfaces; 0 picks a free one
     * @param live whether the process works; false makes the kubelet restart it
     * @param ready whether the operator can reconcile, with the reasons when it cannot
     * @throws IOException when the port cannot be bound
     */
    public OperatorHttpServer(int port, OperatorMetrics metrics, BooleanSupplier live, Supplier<Readiness> ready)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "operator-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
        server.createContext("/health/live", exchange -> {
            boolean ok = live.getAsBoolean();
            respond(exchange, ok ? 200 : 503, "text/plain", ok ? "live\n" : "not live: leader Lease lost\n");
        });
        server.createContext("/health/ready", exchange -> {
            Readiness readiness = ready.get();
            StringBuilder body = new StringBuilder(readiness.ready() ? "ready\n" : "not ready\n");
            readiness.problems().forEach(problem -> body.append(problem).append('\n'));
            respond(exchange, readiness.ready() ? 200 : 503, "text/plain", body.toString());
        });
        server.start();
        LOG.info("Metrics and health endpoints listening on port {}", port());
    }

    /** Returns the bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
