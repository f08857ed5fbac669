package io.dishtayantra.operator.window;

/** Labels and names shared by dated clones and the objects that create them. */
public final class CloneLabels {

    /** Label on a dated clone naming its template DAG. */
    public static final String TEMPLATE = "dishtayantra.io/template";

    /** Label on a dated clone holding its occurrence date, YYYY-MM-DD. */
    public static final String WINDOW_DATE = "dishtayantra.io/window-date";

    /** Label on the CronJob, ServiceAccount, Role and RoleBinding that serve one template. */
    public static final String CLONE_OF = "dishtayantra.io/clone-of";

    /** Kubernetes limits label values to 63 characters. */
    static final int MAX_LABEL_VALUE = 63;

    private CloneLabels() {
    }
}
