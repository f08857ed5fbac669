package io.dishtayantra.crd.validation;

import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog with a few types and schemes, for testing the validator without the runtime:
 * Addition requires a list of arguments, and a mem URI must name a queue or a topic.
 */
final class SmallCatalog implements ComponentCatalog {

    @Override
    public Set<String> calculatorTypes() {
        return Set.of("Passthru", "ApplyDefaults", "Addition");
    }

    @Override
    public Set<String> transformerTypes() {
        return Set.of("Passthru", "AttributeFilter");
    }

    @Override
    public Set<String> schemes() {
        return Set.of("mem", "file", "metronome", "kafka");
    }

    @Override
    public Map<String, String> unsupportedSchemes() {
        return Map.of("lmdb", "cross-process LMDB channels are not carried over; use mem:// within a process.");
    }

    @Override
    public boolean shareable(String scheme) {
        return scheme.equals("kafka");
    }

    @Override
    public List<ValidationProblem> checkCalculator(ComponentSpec calculator, String path) {
        if (calculator.getType().equals("Addition") && !(calculator.getConfig().get("arguments") instanceof List)) {
            return List.of(new ValidationProblem(path + ".config.arguments", null, "Addition needs a list of arguments."));
        }
        return List.of();
    }

    @Override
    public List<ValidationProblem> checkSubscriber(SubscriberSpec subscriber, String path) {
        if (subscriber.getUri().startsWith("mem:") && !subscriber.getUri().matches("mem://(queue|topic)/.+")) {
            return List.of(new ValidationProblem(path + ".uri", subscriber.getUri(), "Write mem://queue/NAME or mem://topic/NAME."));
        }
        return List.of();
    }
}
