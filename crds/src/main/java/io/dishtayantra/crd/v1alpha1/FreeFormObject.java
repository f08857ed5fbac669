package io.dishtayantra.crd.v1alpha1;

/**
 * Schema stand-in for a component's {@code config} map. The CRD generator turns
 * {@code Map<String, Object>} into {@code additionalProperties: {type: object}}, which an API server
 * would use to reject plain string and number values. A field annotated
 * {@code @SchemaFrom(type = FreeFormObject.class)} together with {@code @PreserveUnknownFields}
 * becomes an object of any shape instead. Never instantiated.
 */
public final class FreeFormObject {

    private FreeFormObject() {
    }
}
