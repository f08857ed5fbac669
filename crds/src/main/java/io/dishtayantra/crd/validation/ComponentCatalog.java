package io.dishtayantra.crd.validation;

import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import java.util.List;
import java.util.Set;

/**
 * What the validator needs to know about the components a runtime can build: calculator and
 * transformer types, URI schemes, and each one's config rules. The runtime supplies the full
 * catalog, gathered from its calculator and connector kinds.
 */
public interface ComponentCatalog {

    /** Built-in calculator type names, such as ApplyDefaults. */
    Set<String> calculatorTypes();

    /** Built-in transformer type names. */
    Set<String> transformerTypes();

    /** URI schemes with a connector, such as mem, file and metronome. */
    Set<String> schemes();

    /** Schemes that are recognised but not supported, each mapped to the reason. */
    default java.util.Map<String, String> unsupportedSchemes() {
        return java.util.Map.of();
    }

    /** Whether subscribers of this scheme can be shared by several active instances. */
    default boolean shareable(String scheme) {
        return false;
    }

    /**
     * Returns whether this subscriber, whose URI is valid, can be shared by several active instances.
     * Defaults to {@link #shareable(String)} of its scheme; catalogs that know URI forms whose
     * sharing differs within one scheme, such as a Redis list and a Redis pub/sub channel,
     * override it.
     */
    default boolean shareable(SubscriberSpec subscriber) {
        String uri = subscriber.getUri();
        int colon = uri == null ? -1 : uri.indexOf(':');
        return colon > 0 && shareable(uri.substring(0, colon));
    }

    /** Checks the config of a calculator whose type is known; paths start at {@code path}. */
    default List<ValidationProblem> checkCalculator(ComponentSpec calculator, String path) {
        return List.of();
    }

    /** Checks the config of a transformer whose type is known. */
    default List<ValidationProblem> checkTransformer(ComponentSpec transformer, String path) {
        return List.of();
    }

    /** Checks a subscriber whose scheme is known. */
    default List<ValidationProblem> checkSubscriber(SubscriberSpec subscriber, String path) {
        return List.of();
    }

    /** Checks a publisher whose scheme is known. */
    default List<ValidationProblem> checkPublisher(PublisherSpec publisher, String path) {
        return List.of();
    }
}
