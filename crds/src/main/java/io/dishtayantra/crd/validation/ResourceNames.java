package io.dishtayantra.crd.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Naming rules of DAGs, TimeWindows and the components inside a DAG. Each check returns what is
 * wrong with a name as a sentence, or nothing when the name is valid.
 */
public final class ResourceNames {

    /**
     * Maximum length of a DAG name. Auto-clone names a clone {@code <name>-YYYYMMDD} (9 more
     * characters), and DAG names are used as label values and in Deployment names, whose limit
     * is 63 characters, so 63 - 9 = 54.
     */
    public static final int MAX_DAG_NAME_LENGTH = 54;

    /** Maximum length of a Kubernetes label-style name: namespaces, components, nodes. */
    public static final int MAX_LABEL_LENGTH = 63;

    /** Maximum length of a DNS-1123 subdomain, the limit of most Kubernetes object names. */
    public static final int MAX_SUBDOMAIN_LENGTH = 253;

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern COMPONENT_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private ResourceNames() {
    }

    /**
     * Checks a DAG name: a DNS-1123 label (lowercase letters, digits and '-', starting and ending
     * with a letter or digit) of at most {@value #MAX_DAG_NAME_LENGTH} characters.
     */
    public static Optional<String> checkDagName(String name) {
        if (name.length() > MAX_DAG_NAME_LENGTH) {
            return Optional.of("A DAG name has at most " + MAX_DAG_NAME_LENGTH + " characters (this one has "
                    + name.length() + ") so that dated clones named <name>-YYYYMMDD stay within Kubernetes'"
                    + " 63-character limit; shorten it.");
        }
        if (!DNS_1123_LABEL.matcher(name).matches()) {
            return Optional.of("A DAG name must be a valid Kubernetes name: lowercase letters, digits and '-',"
                    + " starting and ending with a letter or digit, such as " + suggestDns1123(name) + ".");
        }
        return Optional.empty();
    }

    /** Checks a namespace name: a DNS-1123 label of at most 63 characters. */
    public static Optional<String> checkNamespace(String name) {
        if (name.length() > MAX_LABEL_LENGTH || !DNS_1123_LABEL.matcher(name).matches()) {
            return Optional.of("A namespace must be lowercase letters, digits and '-', at most "
                    + MAX_LABEL_LENGTH + " characters, starting and ending with a letter or digit.");
        }
        return Optional.empty();
    }

    /** Checks the name of another Kubernetes object, such as a TimeWindow: a DNS-1123 subdomain. */
    public static Optional<String> checkObjectName(String name) {
        if (name.length() > MAX_SUBDOMAIN_LENGTH || !DNS_1123_SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("A Kubernetes object name must be lowercase letters, digits, '-' and '.',"
                    + " starting and ending with a letter or digit, such as " + suggestDns1123(name) + ".");
        }
        return Optional.empty();
    }

    /**
     * Checks the name of a subscriber, publisher, calculator, transformer or node: letters,
     * digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters.
     * Underscores and capitals are allowed so that names converted from older manifests stay as
     * they were; these names appear in logs and metric labels, never as Kubernetes object names.
     */
    public static Optional<String> checkComponentName(String name) {
        if (name.length() > MAX_LABEL_LENGTH) {
            return Optional.of("A name has at most " + MAX_LABEL_LENGTH + " characters (this one has "
                    + name.length() + "); shorten it.");
        }
        if (!COMPONENT_NAME.matcher(name).matches()) {
            return Optional.of("A name may contain letters, digits, '-', '_' and '.', and must start and end"
                    + " with a letter or digit.");
        }
        return Optional.empty();
    }

    /** Turns any text into a plausible DNS-1123 label, for examples in messages. */
    static String suggestDns1123(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (lower.length() > MAX_DAG_NAME_LENGTH) {
            lower = lower.substring(0, MAX_DAG_NAME_LENGTH).replaceAll("-+$", "");
        }
        return lower.isEmpty() ? "my-dag" : lower;
    }
}
