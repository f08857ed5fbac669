import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A toy scoring service for the Rest calculator example, listening on 127.0.0.1 only.
 * Run: java ScoreServer.java [port]   (default port 8089)
 * POST /score with a quote; it returns {"result": {"score": ..., "band": ...}}.
 */
public final class ScoreServer {

    private static final Pattern QTY = Pattern.compile("\"qty\"\\s*:\\s*([0-9.eE+-]+)");

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        HttpServer server = start(port);
        System.out.println("Scoring service on http://127.0.0.1:" + server.getAddress().getPort() + "/score");
    }

    /** Starts the service on 127.0.0.1:{@code port} (0 picks a free port); stop it with server.stop(0). */
    public static HttpServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/score", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher qty = QTY.matcher(body);
            double size = qty.find() ? Double.parseDouble(qty.group(1)) : 0;
            double score = Math.min(1.0, size / 2_000_000);
            String band = score > 0.4 ? "high" : "low";
            byte[] reply = ("{\"result\":{\"score\":" + score + ",\"band\":\"" + band + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return server;
    }
}
