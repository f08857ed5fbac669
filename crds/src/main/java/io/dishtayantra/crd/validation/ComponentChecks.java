package io.dishtayantra.crd.validation;

import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Checks the declared components of a DAG: subscribers, publishers, calculators and
 * transformers. Collects their valid names so that node and edge checks can resolve references.
 * One instance per validation run; not thread-safe.
 */
final class ComponentChecks {

    /** A Java binary class name with a package, such as com.example.pricing.FxCalculator. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("([A-Za-z_$][A-Za-z\\d_$]*\\.)+[A-Za-z_$][A-Za-z\\d_$]*");

    /** What may reference each kind of component, for the unused-component message. */
    private static final Map<String, String> USERS = Map.of(
            "subscriber", "Subscription node, so its events would go nowhere",
            "publisher", "node or deadLetter",
            "calculator", "node",
            "transformer", "node or edge");

    private final ComponentCatalog catalog;
    private final List<ValidationProblem> problems;

    /** Name to scheme of each subscriber; the scheme is null when the URI is invalid. */
    final Map<String, String> subscriberSchemes = new LinkedHashMap<>();
    /** Name to spec of each subscriber with a valid name. */
    final Map<String, SubscriberSpec> subscriberSpecs = new LinkedHashMap<>();
    final Map<String, String> publisherSchemes = new LinkedHashMap<>();
    final Map<String, String> calculators = new LinkedHashMap<>();
    final Map<String, String> transformers = new LinkedHashMap<>();

    /** Per kind (subscriber, publisher, calculator, transformer), each valid name and where it is declared. */
    private final Map<String, Map<String, String>> declarations = Map.of(
            "subscriber", new LinkedHashMap<>(), "publisher", new LinkedHashMap<>(),
            "calculator", new LinkedHashMap<>(), "transformer", new LinkedHashMap<>());

    ComponentChecks(ComponentCatalog catalog, List<ValidationProblem> problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    void checkSubscribers(List<SubscriberSpec> subscribers) {
        Map<String, String> firstPaths = declarations.get("subscriber");
        for (int i = 0; i < subscribers.size(); i++) {
            String path = "spec.subscribers[" + i + "]";
            SubscriberSpec subscriber = subscribers.get(i);
            if (subscriber == null) {
                problems.add(new ValidationProblem(path, null, "A subscriber entry is empty; give it a name and a uri."));
                continue;
            }
            String name = checkName(subscriber.getName(), path, "subscriber", firstPaths);
            String scheme = checkUri(subscriber.getUri(), path, "subscriber");
            if (subscriber.getMaxDepth() != null && subscriber.getMaxDepth() < 1) {
                problems.add(new ValidationProblem(path + ".maxDepth", subscriber.getMaxDepth().toString(),
                        "maxDepth is the number of events the node's input queue holds and must be at least 1;"
                                + " leave it out for the default of 10000."));
            }
            if (scheme != null) {
                problems.addAll(catalog.checkSubscriber(subscriber, path));
            }
            if (name != null) {
                subscriberSchemes.put(name, scheme);
                subscriberSpecs.put(name, subscriber);
            }
        }
    }

    void checkPublishers(List<PublisherSpec> publishers) {
        Map<String, String> firstPaths = declarations.get("publisher");
        for (int i = 0; i < publishers.size(); i++) {
            String path = "spec.publishers[" + i + "]";
            PublisherSpec publisher = publishers.get(i);
            if (publisher == null) {
                problems.add(new ValidationProblem(path, null, "A publisher entry is empty; give it a name and a uri."));
                continue;
            }
            String name = checkName(publisher.getName(), path, "publisher", firstPaths);
            String scheme = checkUri(publisher.getUri(), path, "publisher");
            if (scheme != null) {
                problems.addAll(catalog.checkPublisher(publisher, path));
            }
            if (name != null) {
                publisherSchemes.put(name, scheme);
            }
        }
    }

    void checkCalculators(List<ComponentSpec> specs) {
        checkComponents(specs, "spec.calculators", "calculator", catalog.calculatorTypes(),
                catalog.transformerTypes(), calculators, catalog::checkCalculator);
    }

    void checkTransformers(List<ComponentSpec> specs) {
        checkComponents(specs, "spec.transformers", "transformer", catalog.transformerTypes(),
                catalog.calculatorTypes(), transformers, catalog::checkTransformer);
    }

    private void checkComponents(List<ComponentSpec> specs, String listPath, String noun, Set<String> types,
            Set<String> otherTypes, Map<String, String> names,
            BiFunction<ComponentSpec, String, List<ValidationProblem>> configCheck) {
        Map<String, String> firstPaths = declarations.get(noun);
        for (int i = 0; i < specs.size(); i++) {
            String path = listPath + "[" + i + "]";
            ComponentSpec spec = specs.get(i);
            if (spec == null) {
                problems.add(new ValidationProblem(path, null, "A " + noun + " entry is empty; give it a name and a type."));
                continue;
            }
            String name = checkName(spec.getName(), path, noun, firstPaths);
            String type = spec.getType();
            if (type == null || type.isBlank()) {
                String nullHint = types.contains("Null") ? " YAML reads an unquoted Null as null, so for the Null type"
                        + " write it quoted: type: \"Null\"." : "";
                problems.add(new ValidationProblem(path + ".type", null, "A " + noun + " needs a type: one of "
                        + String.join(", ", new TreeSet<>(types)) + ", or a fully qualified Java class name." + nullHint));
            } else if (types.contains(type) || CLASS_NAME.matcher(type).matches()) {
                problems.addAll(configCheck.apply(spec, path));
            } else {
                problems.add(new ValidationProblem(path + ".type", type, unknownTypeMessage(type, noun, types, otherTypes)));
            }
            if (name != null) {
                names.put(name, type);
            }
        }
    }

    private static String unknownTypeMessage(String type, String noun, Set<String> types,
            Set<String> otherTypes) {
        String hint = legacyTypeName(type, types);
        if (hint.isEmpty()) {
            hint = Suggestions.didYouMean(type, types);
        }
        String other = otherTypes.contains(type) && !types.contains(type)
                ? " " + type + " is a " + (noun.equals("calculator") ? "transformer" : "calculator")
                        + " type; declare it under spec." + (noun.equals("calculator") ? "transformers" : "calculators") + "."
                : "";
        return "Unknown " + noun + " type '" + type + "'." + hint + other + " Built-in " + noun + " types: "
                + String.join(", ", new TreeSet<>(types)) + ". A custom " + noun
                + " is given by its fully qualified Java class name, such as com.example.My"
                + Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + ".";
    }

    /** Suggests the built-in name for an older type name such as ApplyDefaultsCalculator. */
    private static String legacyTypeName(String type, Set<String> types) {
        for (String suffix : List.of("DataTransformer", "Transformer", "Calculator")) {
            if (type.endsWith(suffix) && types.contains(type.substring(0, type.length() - suffix.length()))) {
                return " Did you mean '" + type.substring(0, type.length() - suffix.length()) + "'?";
            }
        }
        return "";
    }

    /** Checks a component name; returns it when it may be referenced, otherwise null. */
    private String checkName(String name, String path, String noun, Map<String, String> firstPaths) {
        if (name == null || name.isBlank()) {
            problems.add(new ValidationProblem(path + ".name", null, "A " + noun + " needs a name that nodes use to reference it."));
            return null;
        }
        ResourceNames.checkComponentName(name)
                .ifPresent(message -> problems.add(new ValidationProblem(path + ".name", name, message)));
        String first = firstPaths.putIfAbsent(name, path);
        if (first != null) {
            problems.add(new ValidationProblem(path + ".name", name, "Duplicate " + noun + " name, already used by "
                    + first + "; give each " + noun + " a unique name."));
            return null;
        }
        return name;
    }

    /** Checks a subscriber or publisher URI; returns its scheme when the catalog supports it, otherwise null. */
    private String checkUri(String uri, String path, String noun) {
        if (uri == null || uri.isBlank()) {
            problems.add(new ValidationProblem(path + ".uri", null, "A " + noun + " needs a uri; known schemes: "
                    + knownSchemes() + "."));
            return null;
        }
        ConnectorUri parsed = ConnectorUri.parse(uri, catalog.schemes());
        if (!parsed.valid()) {
            problems.add(new ValidationProblem(path + ".uri", uri, parsed.error()));
            return null;
        }
        String scheme = parsed.scheme();
        if (catalog.schemes().contains(scheme)) {
            return scheme;
        }
        String reason = catalog.unsupportedSchemes().get(scheme);
        if (reason != null) {
            problems.add(new ValidationProblem(path + ".uri", uri, "The scheme '" + scheme + "' is not supported: "
                    + reason));
        } else {
            problems.add(new ValidationProblem(path + ".uri", uri, "Unknown scheme '" + scheme + "'."
                    + Suggestions.didYouMean(scheme, catalog.schemes()) + " Known schemes: " + knownSchemes() + "."));
        }
        return null;
    }

    private String knownSchemes() {
        return String.join(", ", new TreeSet<>(catalog.schemes()));
    }

    /**
     * Reports components that no node, edge or deadLetter references. An unused subscriber would
     * still take events from its source (stealing them from a shared queue), and the others are
     * usually a misspelt reference elsewhere. Kinds in {@code unresolvedKinds} are skipped, because
     * their unused component is most likely what the unresolved reference meant, already reported.
     */
    void checkUnused(DagSpec spec, Set<String> unresolvedKinds) {
        Map<String, Set<String>> used = Map.of("subscriber", new HashSet<>(), "publisher", new HashSet<>(),
                "calculator", new HashSet<>(), "transformer", new HashSet<>());
        for (NodeSpec node : spec.getNodes()) {
            if (node == null) {
                continue;
            }
            used.get("subscriber").add(node.getSubscriber());
            used.get("calculator").add(node.getCalculator());
            used.get("transformer").add(node.getTransformer());
            used.get("transformer").addAll(node.getInputTransformers());
            used.get("transformer").addAll(node.getOutputTransformers());
            used.get("publisher").addAll(node.getPublishers());
        }
        for (EdgeSpec edge : spec.getEdges()) {
            if (edge != null) {
                used.get("transformer").add(edge.getTransformer());
            }
        }
        used.get("publisher").add(spec.getDeadLetter());
        for (String noun : List.of("subscriber", "publisher", "calculator", "transformer")) {
            if (unresolvedKinds.contains(noun)) {
                continue;
            }
            declarations.get(noun).forEach((name, path) -> {
                if (!used.get(noun).contains(name)) {
                    problems.add(new ValidationProblem(path + ".name", name, "The " + noun + " is not used by any "
                            + USERS.get(noun) + "; reference it or remove it."));
                }
            });
        }
    }
}
