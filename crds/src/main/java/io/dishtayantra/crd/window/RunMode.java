package io.dishtayantra.crd.window;

/** The way a DAG governed by a window should run at a given instant. */
public enum RunMode {

    /** Started and taking input: the window is open. */
    RUNNING,

    /** Started but taking no input: outside the window with {@code outside: Suspend}, or warming up. */
    SUSPENDED,

    /**
     * Not started: outside the window with {@code outside: Stop} and not warming up, or after the
     * last occurrence of a window that never opens again, such as a dated clone's.
     */
    STOPPED
}
