package io.dishtayantra.runtime.catalog;

import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import io.dishtayantra.runtime.connector.UnsupportedSchemes;
import java.util.List;
import java.util.Set;

/**
 * The component catalog of this runtime: every calculator and transformer type and URI scheme
 * its registries serve, with their config checks. Immutable and thread-safe.
 */
public final class RuntimeCatalog implements ComponentCatalog {

    private final CalculatorRegistry calculators;
    private final ConnectorRegistry connectors;

    public RuntimeCatalog(CalculatorRegistry calculators, ConnectorRegistry connectors) {
        this.calculators = calculators;
        this.connectors = connectors;
    }

    /** The catalog of every kind on the class path. */
    public static RuntimeCatalog fromClassPath() {
        ClassLoader loader = RuntimeCatalog.class.getClassLoader();
        return new RuntimeCatalog(CalculatorRegistry.load(loader), ConnectorRegistry.load(loader));
    }

    @Override
    public Set<String> calculatorTypes() {
        return calculators.calculatorTypes();
    }

    @Override
    public Set<String> transformerTypes() {
        return calculators.transformerTypes();
    }

    @Override
    public Set<String> schemes() {
        return connectors.schemes();
    }

    @Override
    public java.util.Map<String, String> unsupportedSchemes() {
        return UnsupportedSchemes.reasons();
    }

    @Override
    public boolean shareable(String scheme) {
        return connectors.shareable(scheme);
    }

    @Override
    public boolean shareable(io.dishtayantra.crd.v1alpha1.SubscriberSpec subscriber) {
        try {
            return connectors.shareable(java.net.URI.create(subscriber.getUri()));
        } catch (IllegalArgumentException | NullPointerException invalid) {
            return false;
        }
    }

    /** Checks the type and config; a Java class name is checked by loading the class. */
    @Override
    public List<ValidationProblem> checkCalculator(ComponentSpec calculator, String path) {
        return calculators.validateCalculator(calculator, path);
    }

    @Override
    public List<ValidationProblem> checkTransformer(ComponentSpec transformer, String path) {
        return calculators.validateTransformer(transformer, path);
    }

    /** Checks the URI, its scheme and the config; the unknown-scheme message lists the known ones. */
    @Override
    public List<ValidationProblem> checkSubscriber(SubscriberSpec subscriber, String path) {
        return connectors.validate(subscriber.getUri(), subscriber.getConfig(), true, path);
    }

    @Override
    public List<ValidationProblem> checkPublisher(PublisherSpec publisher, String path) {
        return connectors.validate(publisher.getUri(), publisher.getConfig(), false, path);
    }
}
