package io.dishtayantra.runtime.connector.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/** Addresses of the local test servers, overridable by environment variables. */
public final class Servers {

    private Servers() {
    }

    /** Reads an address from the environment, falling back to the local default. */
    public static String address(String variable, String defaultValue) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /**
     * Fails with a message saying how to start the server when nothing listens at host:port
     * within 30 seconds.
     */
    public static void requireListening(String name, String host, int port, String variable) {
        // Waits up to 30 s, because a shared server may be restarting for another test.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(name + " is not reachable at " + host + ":" + port + " (" + e.getMessage()
                            + "). Start it with 'make services' (scripts/services.sh), or set " + variable
                            + " to the address of a running " + name + ".");
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + name, e);
            }
        }
    }

    /** Fails unless the server named by a URI such as redis://127.0.0.1:6379 listens. */
    public static void requireListening(String name, URI uri, int defaultPort, String variable) {
        requireListening(name, uri.getHost(), uri.getPort() < 0 ? defaultPort : uri.getPort(), variable);
    }

    /** Returns a TCP port that was free a moment ago on 127.0.0.1. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
