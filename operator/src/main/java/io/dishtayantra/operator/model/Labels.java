package io.dishtayantra.operator.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels and annotations the operator puts on the objects it manages. */
public final class Labels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String DAG = "dishtayantra.io/dag";

    public static final String RUNTIME_NAME = "dishtayantra-runtime";
    public static final String OPERATOR_NAME = "dishtayantra-operator";

    /** Label selector of every object this operator manages; secondary informers watch only these. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR_NAME;

    /** Pod template annotation holding the hash of the normalised spec the pods run. */
    public static final String SPEC_HASH_ANNOTATION = "dishtayantra.io/spec-hash";

    /** Annotation holding the hash of the object the operator last wrote, to skip unchanged writes. */
    public static final String APPLIED_HASH_ANNOTATION = "dishtayantra.io/applied-hash";

    private Labels() {
    }

    /** Labels of every object that belongs to one DAG. */
    public static Map<String, String> forDag(String dagName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, RUNTIME_NAME);
        labels.put(INSTANCE, dagName);
        labels.put(COMPONENT, "runtime");
        labels.put(MANAGED_BY, OPERATOR_NAME);
        labels.put(DAG, dagName);
        return labels;
    }

    /** Labels that select the runtime pods of one DAG; stable for the life of the Deployment. */
    public static Map<String, String> selectorFor(String dagName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, RUNTIME_NAME);
        labels.put(DAG, dagName);
        return labels;
    }

    /** The pod selector as a string, for the scale subresource's status.selector. */
    public static String selectorString(String dagName) {
        return NAME + "=" + RUNTIME_NAME + "," + DAG + "=" + dagName;
    }

    /** Labels of the per-namespace runtime ServiceAccount, Role and RoleBinding. */
    public static Map<String, String> forNamespaceRbac() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, RUNTIME_NAME);
        labels.put(COMPONENT, "rbac");
        labels.put(MANAGED_BY, OPERATOR_NAME);
        return labels;
    }
}
