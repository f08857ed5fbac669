package io.dishtayantra.runtime.logging;

/**
 * Picks the log format: JSON lines (logback's JsonEncoder) when DISHTAYANTRA_LOG_FORMAT is
 * {@code json}, or when unset and the process runs in a Kubernetes pod (KUBERNETES_SERVICE_HOST
 * is set); plain text otherwise. Read by {@link LogFormatDefiner} from logback.xml.
 */
public final class LogFormat {

    /** Environment variable forcing the format: {@code json} or {@code plain}. */
    public static final String FORMAT_VARIABLE = "DISHTAYANTRA_LOG_FORMAT";

    /** System property that overrides the environment, set by {@link #configureFromEnvironment}. */
    static final String FORMAT_PROPERTY = "dishtayantra.log.format";

    private LogFormat() {
    }

    /** Returns {@code json} or {@code plain}. */
    public static String current() {
        String property = System.getProperty(FORMAT_PROPERTY);
        if (property != null) {
            return property;
        }
        String format = System.getenv(FORMAT_VARIABLE);
        if (format != null && !format.isBlank()) {
            return "json".equalsIgnoreCase(format.trim()) ? "json" : "plain";
        }
        return System.getenv("KUBERNETES_SERVICE_HOST") != null ? "json" : "plain";
    }

    /** Fixes the format for this process before logback reads its configuration. */
    public static void configureFromEnvironment() {
        System.setProperty(FORMAT_PROPERTY, current());
    }
}
