package io.dishtayantra.operator.reconciler;

import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.validation.ValidationReport;
import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates DAGs with the engine's validator and component catalog, so the operator rejects what
 * {@code dishtayantra run} rejects. There is one exception. A calculator or transformer given as a
 * Java class name is accepted unchecked, because plugin classes are in the runtime image and not
 * in the operator. The runtime pod reports a wrong class when it starts. Thread-safe.
 */
public final class RuntimeSpecValidation implements SpecValidation {

    private final DagValidator validator;

    /** Loads the calculator and connector kinds on the operator's class path. */
    public RuntimeSpecValidation() {
        ClassLoader loader = RuntimeSpecValidation.class.getClassLoader();
        RuntimeCatalog catalog = new RuntimeCatalog(CalculatorRegistry.load(loader), ConnectorRegistry.load(loader));
        this.validator = new DagValidator(new PluginClassesUnchecked(catalog));
    }

    @Override
    public ValidationReport validate(Dag dag) {
        return validator.validate(dag);
    }

    /** The runtime catalog, minus the class-loading check of class-name types. */
    private record PluginClassesUnchecked(ComponentCatalog catalog) implements ComponentCatalog {

        @Override
        public Set<String> calculatorTypes() {
            return catalog.calculatorTypes();
        }

        @Override
        public Set<String> transformerTypes() {
            return catalog.transformerTypes();
        }

        @Override
        public Set<String> schemes() {
            return catalog.schemes();
        }

        @Override
        public Map<String, String> unsupportedSchemes() {
            return catalog.unsupportedSchemes();
        }

        @Override
        public boolean shareable(String scheme) {
            return catalog.shareable(scheme);
        }

        @Override
        public boolean shareable(SubscriberSpec subscriber) {
            return catalog.shareable(subscriber);
        }

        @Override
        public List<ValidationProblem> checkCalculator(ComponentSpec calculator, String path) {
            if (pluginClass(calculator.getType(), catalog.calculatorTypes())) {
                return List.of();
            }
            return catalog.checkCalculator(calculator, path);
        }

        @Override
        public List<ValidationProblem> checkTransformer(ComponentSpec transformer, String path) {
            if (pluginClass(transformer.getType(), catalog.transformerTypes())) {
                return List.of();
            }
            return catalog.checkTransformer(transformer, path);
        }

        @Override
        public List<ValidationProblem> checkSubscriber(SubscriberSpec subscriber, String path) {
            return catalog.checkSubscriber(subscriber, path);
        }

        @Override
        public List<ValidationProblem> checkPublisher(PublisherSpec publisher, String path) {
            return catalog.checkPublisher(publisher, path);
        }

        private static boolean pluginClass(String type, Set<String> builtIns) {
            return type != null && !builtIns.contains(type) && CalculatorRegistry.isClassName(type);
        }
    }
}
