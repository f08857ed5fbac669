package io.dishtayantra.crd.window;

import java.util.Locale;

/** The action taken on a DAG while its window is not open, set by the window's {@code outside} field. */
public enum OutsideAction {

    /** The DAG keeps running but takes no input; data waits in the sources. */
    SUSPEND("Suspend"),

    /** The DAG is stopped; in a cluster its pods are scaled to zero. */
    STOP("Stop");

    private final String fieldValue;

    OutsideAction(String fieldValue) {
        this.fieldValue = fieldValue;
    }

    /** The value as written in a manifest: Suspend or Stop. */
    public String fieldValue() {
        return fieldValue;
    }

    /**
     * Parses the manifest value; {@code null} means the default, {@link #SUSPEND}.
     *
     * @throws IllegalArgumentException naming the value when it is neither Suspend nor Stop
     */
    public static OutsideAction parse(String value) {
        if (value == null) {
            return SUSPEND;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "suspend" -> SUSPEND;
            case "stop" -> STOP;
            default -> throw new IllegalArgumentException(
                    "invalid outside '" + value + "'; write Suspend or Stop");
        };
    }
}
