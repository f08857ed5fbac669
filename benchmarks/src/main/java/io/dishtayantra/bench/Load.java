package io.dishtayantra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's one-minute load average, recorded next to every figure. */
public final class Load {

    private Load() {
    }

    /** Returns the one-minute load average from /proc/loadavg, or "?" where it cannot be read. */
    public static String oneMinute() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
