package io.dishtayantra.operator.config;

import io.dishtayantra.crd.time.Durations;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@link OperatorConfig} from, in order of precedence: environment variables
 * ({@code DY_OPERATOR_} + the key in upper case with dots and dashes as underscores), a
 * properties file, and built-in defaults. The file is named by {@code DY_OPERATOR_CONFIG} or the
 * caller.
 */
public final class OperatorConfigLoader {

    /** Environment variable naming the properties file. */
    public static final String CONFIG_FILE_VARIABLE = "DY_OPERATOR_CONFIG";

    static final String WATCH_NAMESPACES = "watch.namespaces";
    static final String WATCH_LABEL_SELECTOR = "watch.label-selector";
    static final String RUNTIME_IMAGE = "runtime.image";
    static final String RUNTIME_IMAGE_PULL_POLICY = "runtime.image-pull-policy";
    static final String CLONE_IMAGE = "clone.image";
    static final String RUNTIME_SERVICE_ACCOUNT = "runtime.service-account";
    static final String RUNTIME_MANAGE_RBAC = "runtime.manage-rbac";
    static final String HTTP_PORT = "http.port";
    static final String RESYNC_INTERVAL = "reconcile.resync-interval";
    static final String RECONCILE_THREADS = "reconcile.threads";
    static final String CACHE_SYNC_TIMEOUT = "reconcile.cache-sync-timeout";
    static final String LEADER_ENABLED = "leader-election.enabled";
    static final String LEASE_NAME = "leader-election.lease-name";
    static final String LEASE_NAMESPACE = "leader-election.lease-namespace";
    static final String IDENTITY = "leader-election.identity";
    static final String LEASE_DURATION = "leader-election.lease-duration";
    static final String RENEW_DEADLINE = "leader-election.renew-deadline";
    static final String RETRY_PERIOD = "leader-election.retry-period";
    static final String EXIT_ON_LOST_LEASE = "leader-election.exit-on-lost-lease";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(WATCH_NAMESPACES, ""),
            Map.entry(WATCH_LABEL_SELECTOR, ""),
            Map.entry(RUNTIME_IMAGE, "dishtayantra/runtime:0.1.0"),
            Map.entry(CLONE_IMAGE, "dishtayantra/operator:0.1.0"),
            Map.entry(RUNTIME_IMAGE_PULL_POLICY, "IfNotPresent"),
            Map.entry(RUNTIME_SERVICE_ACCOUNT, "dishtayantra-runtime"),
            Map.entry(RUNTIME_MANAGE_RBAC, "true"),
            Map.entry(HTTP_PORT, "8081"),
            Map.entry(RESYNC_INTERVAL, "10m"),
            Map.entry(RECONCILE_THREADS, "4"),
            Map.entry(CACHE_SYNC_TIMEOUT, "30s"),
            Map.entry(LEADER_ENABLED, "true"),
            Map.entry(LEASE_NAME, "dishtayantra-operator"),
            Map.entry(LEASE_NAMESPACE, ""),
            Map.entry(IDENTITY, ""),
            Map.entry(LEASE_DURATION, "15s"),
            Map.entry(RENEW_DEADLINE, "10s"),
            Map.entry(RETRY_PERIOD, "2s"),
            Map.entry(EXIT_ON_LOST_LEASE, "true"));

    private final Map<String, String> environment;
    private final Properties file = new Properties();

    private OperatorConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Loads the configuration of this process.
     *
     * @param environment the process environment, normally {@code System.getenv()}
     * @param configFile the properties file, or null to use {@code DY_OPERATOR_CONFIG} when set
     * @throws IOException when the named file cannot be read
     * @throws IllegalArgumentException when a value is invalid; the message names the key and value
     */
    public static OperatorConfig load(Map<String, String> environment, Path configFile) throws IOException {
        OperatorConfigLoader loader = new OperatorConfigLoader(environment);
        Path file = configFile;
        if (file == null && !environment.getOrDefault(CONFIG_FILE_VARIABLE, "").isBlank()) {
            file = Path.of(environment.get(CONFIG_FILE_VARIABLE));
        }
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file)) {
                loader.file.load(reader);
            }
            for (String key : loader.file.stringPropertyNames()) {
                if (!DEFAULTS.containsKey(key)) {
                    throw new IllegalArgumentException("Unknown key '" + key + "' in " + file
                            + "; the keys are " + DEFAULTS.keySet().stream().sorted().toList());
                }
            }
        }
        return loader.build();
    }

    /** Name of the environment variable that sets a key, such as DY_OPERATOR_HTTP_PORT for http.port. */
    public static String environmentVariable(String key) {
        return "DY_OPERATOR_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private OperatorConfig build() {
        String leaseNamespace = text(LEASE_NAMESPACE);
        if (leaseNamespace.isBlank()) {
            leaseNamespace = environment.getOrDefault("POD_NAMESPACE", "");
        }
        String identity = text(IDENTITY);
        if (identity.isBlank()) {
            identity = environment.getOrDefault("POD_NAME", environment.getOrDefault("HOSTNAME", ""));
        }
        LeaderElectionSettings leaderElection = new LeaderElectionSettings(
                flag(LEADER_ENABLED), text(LEASE_NAME), leaseNamespace, identity,
                duration(LEASE_DURATION), duration(RENEW_DEADLINE), duration(RETRY_PERIOD),
                flag(EXIT_ON_LOST_LEASE));
        if (leaderElection.renewDeadline().compareTo(leaderElection.leaseDuration()) >= 0) {
            throw new IllegalArgumentException(environmentVariable(RENEW_DEADLINE) + " ("
                    + text(RENEW_DEADLINE) + ") must be shorter than " + environmentVariable(LEASE_DURATION)
                    + " (" + text(LEASE_DURATION) + ")");
        }
        String pullPolicy = text(RUNTIME_IMAGE_PULL_POLICY);
        if (!Set.of("Always", "IfNotPresent", "Never").contains(pullPolicy)) {
            throw invalid(RUNTIME_IMAGE_PULL_POLICY, "must be Always, IfNotPresent or Never");
        }
        return new OperatorConfig(namespaces(), text(WATCH_LABEL_SELECTOR), text(RUNTIME_IMAGE), pullPolicy,
                port(HTTP_PORT), leaderElection, duration(RESYNC_INTERVAL), duration(CACHE_SYNC_TIMEOUT),
                positive(RECONCILE_THREADS), text(RUNTIME_SERVICE_ACCOUNT), flag(RUNTIME_MANAGE_RBAC),
                text(CLONE_IMAGE));
    }

    private String text(String key) {
        String fromEnvironment = environment.get(environmentVariable(key));
        if (fromEnvironment != null) {
            return fromEnvironment.trim();
        }
        return file.getProperty(key, DEFAULTS.get(key)).trim();
    }

    private Set<String> namespaces() {
        return Arrays.stream(text(WATCH_NAMESPACES).split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean flag(String key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "must be true or false");
        };
    }

    private Duration duration(String key) {
        try {
            return Durations.parse(text(key));
        } catch (RuntimeException e) {
            throw invalid(key, "must be a duration such as 500ms, 10s or 2m");
        }
    }

    private int port(String key) {
        int port = integer(key);
        if (port < 0 || port > 65535) {
            throw invalid(key, "must be a port between 0 and 65535");
        }
        return port;
    }

    private int positive(String key) {
        int value = integer(key);
        if (value < 1) {
            throw invalid(key, "must be 1 or more");
        }
        return value;
    }

    private int integer(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number");
        }
    }

    private IllegalArgumentException invalid(String key, String rule) {
        return new IllegalArgumentException("Invalid " + key + " (" + environmentVariable(key) + ") value '"
                + text(key) + "': " + rule);
    }
}
