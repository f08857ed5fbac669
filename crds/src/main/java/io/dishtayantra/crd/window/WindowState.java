package io.dishtayantra.crd.window;

/**
 * The position of an instant relative to a window, judged by the wall clock of the window's time zone.
 * "Today" is the local date of the instant in that zone.
 */
public enum WindowState {

    /** Today opens an occurrence that has not opened yet, and no earlier occurrence is still open. */
    BEFORE("Before"),

    /** An occurrence is open: the instant is at or after its opening and before its closing. */
    ACTIVE("Active"),

    /**
     * Today's occurrence has closed. For a window pinned to one date (a dated clone), any instant
     * after that occurrence closed.
     */
    AFTER("After"),

    /**
     * Today opens no occurrence, because its day of week is not in {@code days} or its date is in
     * {@code excludeDates}, or the whole window lies in an hour the clocks skip, and no occurrence from an earlier day is still open. For a pinned
     * window, the pinned date opens no occurrence.
     */
    EXCLUDED("Excluded");

    private final String displayName;

    WindowState(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in resource status and logs: Before, Active, After or Excluded. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
