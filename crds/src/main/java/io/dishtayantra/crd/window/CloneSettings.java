package io.dishtayantra.crd.window;

import java.time.Duration;

/**
 * The parsed {@code autoClone} block of a window.
 *
 * @param enabled whether each occurrence runs in its own dated clone of the template DAG
 * @param before how long before an occurrence closes the clone of the following one is created
 * @param keep how many of the most recent clones are kept; older ones are deleted
 */
public record CloneSettings(boolean enabled, Duration before, int keep) {

    /** Used when {@code autoClone.before} is not set. */
    public static final Duration DEFAULT_BEFORE = Duration.ofMinutes(30);

    /** Used when {@code autoClone.keep} is not set. */
    public static final int DEFAULT_KEEP = 3;

    /** Settings of a window without {@code autoClone}. */
    public static final CloneSettings DISABLED = new CloneSettings(false, DEFAULT_BEFORE, DEFAULT_KEEP);
}
