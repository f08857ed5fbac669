package io.dishtayantra.runtime.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Handles Ctrl-C (SIGINT) for {@code run}: the first press starts a clean stop, which runs the
 * shutdown hooks and waits for queued events; the second press ends the process at once, without
 * waiting, and leaves the events still in flight unacknowledged at their sources.
 *
 * <p>Thread-safe: the JVM calls {@link #interrupted()} on a new thread for each signal.
 */
final class InterruptHandler {

    /** The exit status of a process ended by SIGINT, as shells report it (128 + 2). */
    static final int EXIT_STATUS = 130;

    private final AtomicInteger presses = new AtomicInteger();
    private final PrintStream err;
    private final IntConsumer exit;
    private final IntConsumer halt;

    /**
     * @param exit starts a clean exit with shutdown hooks, such as {@code System::exit}
     * @param halt ends the process without hooks, such as {@code Runtime.getRuntime()::halt}
     */
    InterruptHandler(PrintStream err, IntConsumer exit, IntConsumer halt) {
        this.err = err;
        this.exit = exit;
        this.halt = halt;
    }

    /** Installs the handler for SIGINT; returns false when this JVM does not allow it (the default handling stays). */
    static boolean install(PrintStream err) {
        InterruptHandler handler = new InterruptHandler(err, System::exit, Runtime.getRuntime()::halt);
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> handler.interrupted());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Reacts to one Ctrl-C press. */
    void interrupted() {
        if (presses.incrementAndGet() == 1) {
            err.println("Stopping; press Ctrl-C again to exit immediately");
            err.flush();
            // System.exit blocks until the shutdown hooks end, so it runs on a thread of its own.
            Thread.ofPlatform().name("dishtayantra-interrupt").start(() -> exit.accept(EXIT_STATUS));
        } else {
            err.println("Exiting immediately; events still in flight stay unacknowledged at their sources");
            err.flush();
            halt.accept(EXIT_STATUS);
        }
    }
}
