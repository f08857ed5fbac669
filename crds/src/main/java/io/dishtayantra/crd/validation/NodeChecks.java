package io.dishtayantra.crd.validation;

import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.validation.NodeType.NodeField;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks each node: its name, its type, the fields its type takes (see {@link NodeType}) and
 * the components it references. One instance per validation run; not thread-safe.
 */
final class NodeChecks {

    private final ComponentChecks components;
    private final List<ValidationProblem> problems;

    /** Kinds of component (subscriber, publisher, ...) with at least one reference that names nothing. */
    final Set<String> unresolvedKinds = new HashSet<>();

    /** Node name to its type, for nodes whose name is usable; the type is null when unknown. */
    final Map<String, NodeType> nodeTypes = new LinkedHashMap<>();

    NodeChecks(ComponentChecks components, List<ValidationProblem> problems) {
        this.components = components;
        this.problems = problems;
    }

    void checkNodes(List<NodeSpec> nodes) {
        if (nodes.isEmpty()) {
            problems.add(new ValidationProblem("spec.nodes", null, "A DAG needs at least one node; start with a"
                    + " Subscription node that names one of spec.subscribers."));
            return;
        }
        Map<String, String> firstPaths = new LinkedHashMap<>();
        Map<String, String> subscriberUsers = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "spec.nodes[" + i + "]";
            NodeSpec node = nodes.get(i);
            if (node == null) {
                problems.add(new ValidationProblem(path, null, "A node entry is empty; give it a name and a type."));
                continue;
            }
            String name = checkName(node.getName(), path, firstPaths);
            NodeType type = checkType(node.getType(), path);
            if (type != null) {
                checkFields(node, type, path);
            }
            checkReferences(node, path, subscriberUsers);
            if (node.getInterval() != null) {
                checkInterval(node.getInterval(), path + ".interval");
            }
            if (name != null) {
                nodeTypes.put(name, type);
            }
        }
    }

    private String checkName(String name, String path, Map<String, String> firstPaths) {
        if (name == null || name.isBlank()) {
            problems.add(new ValidationProblem(path + ".name", null, "A node needs a name that edges use to reference it."));
            return null;
        }
        ResourceNames.checkComponentName(name)
                .ifPresent(message -> problems.add(new ValidationProblem(path + ".name", name, message)));
        String first = firstPaths.putIfAbsent(name, path);
        if (first != null) {
            problems.add(new ValidationProblem(path + ".name", name, "Duplicate node name, already used by "
                    + first + "; give each node a unique name."));
            return null;
        }
        return name;
    }

    private NodeType checkType(String type, String path) {
        if (type == null || type.isBlank()) {
            problems.add(new ValidationProblem(path + ".type", null, "A node needs a type: one of "
                    + String.join(", ", NodeType.names()) + "."));
            return null;
        }
        NodeType known = NodeType.of(type).orElse(null);
        if (known == null) {
            String hint = type.endsWith("Node") && NodeType.of(type.substring(0, type.length() - 4)).isPresent()
                    ? " Did you mean '" + type.substring(0, type.length() - 4) + "'?"
                    : Suggestions.didYouMean(type, NodeType.names());
            problems.add(new ValidationProblem(path + ".type", type, "Unknown node type '" + type + "'." + hint
                    + " Node types: " + String.join(", ", NodeType.names()) + "."));
        }
        return known;
    }

    /** Reports fields the type requires but are missing, and fields the type does not take. */
    private void checkFields(NodeSpec node, NodeType type, String path) {
        for (NodeField field : NodeField.values()) {
            boolean set = isSet(node, field);
            if (set && !type.takes(field)) {
                problems.add(new ValidationProblem(path + "." + field, valueOf(node, field),
                        "A " + type + " node does not take " + field + " (" + typesTaking(field)
                                + " do). Remove it or change the node type; a " + type + " node takes "
                                + describeFields(type) + "."));
            } else if (!set && type.required().contains(field)) {
                problems.add(new ValidationProblem(path + "." + field, null, requiredMessage(type, field)));
            }
        }
    }

    private String requiredMessage(NodeType type, NodeField field) {
        return switch (field) {
            case subscriber -> "A Subscription node needs a subscriber: name one of spec.subscribers"
                    + available(components.subscriberSchemes.keySet()) + ".";
            case transformer -> "A Transform node needs a transformer: name one of spec.transformers"
                    + available(components.transformers.keySet()) + ".";
            case publishers -> "A Publication node needs at least one publisher: list names from spec.publishers"
                    + available(components.publisherSchemes.keySet()) + ".";
            case interval -> "A Metronome node needs an interval between ticks, such as 1s or 500ms.";
            default -> "A " + type + " node needs " + field + ".";
        };
    }

    private void checkReferences(NodeSpec node, String path, Map<String, String> subscriberUsers) {
        if (node.getSubscriber() != null) {
            boolean found = checkReference(node.getSubscriber(), path + ".subscriber", "subscriber",
                    components.subscriberSchemes.keySet());
            String previous = found ? subscriberUsers.putIfAbsent(node.getSubscriber(), path) : null;
            if (previous != null) {
                problems.add(new ValidationProblem(path + ".subscriber", node.getSubscriber(),
                        "The subscriber is already used by " + previous + "; each subscriber feeds one"
                                + " Subscription node. Declare a second subscriber, or add edges from the first node."));
            }
        }
        if (node.getCalculator() != null) {
            checkReference(node.getCalculator(), path + ".calculator", "calculator", components.calculators.keySet());
        }
        if (node.getTransformer() != null) {
            checkReference(node.getTransformer(), path + ".transformer", "transformer", components.transformers.keySet());
        }
        checkReferenceList(node.getPublishers(), path + ".publishers", "publisher", components.publisherSchemes.keySet());
        checkReferenceList(node.getInputTransformers(), path + ".inputTransformers", "transformer",
                components.transformers.keySet());
        checkReferenceList(node.getOutputTransformers(), path + ".outputTransformers", "transformer",
                components.transformers.keySet());
    }

    private void checkReferenceList(List<String> names, String path, String noun, Collection<String> known) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String itemPath = path + "[" + i + "]";
            checkReference(names.get(i), itemPath, noun, known);
            Integer first = names.get(i) == null ? null : seen.putIfAbsent(names.get(i), i);
            if (first != null && noun.equals("publisher")) {
                problems.add(new ValidationProblem(itemPath, names.get(i), "The publisher is listed twice (also at"
                        + " index " + first + "), so every event would be published twice; list it once."));
            }
        }
    }

    /** Reports a name that is not declared; returns whether it is declared. */
    boolean checkReference(String name, String path, String noun, Collection<String> known) {
        if (name == null || name.isBlank()) {
            problems.add(new ValidationProblem(path, null, "Empty " + noun + " name; name one of spec." + noun + "s"
                    + available(known) + "."));
            return false;
        }
        if (known.contains(name)) {
            return true;
        }
        unresolvedKinds.add(noun);
        problems.add(new ValidationProblem(path, name, "No " + noun + " is named '" + name + "'."
                + Suggestions.didYouMean(name, known) + " Declare it in spec." + noun + "s"
                + (known.isEmpty() ? "" : " or name one of" + available(known)) + "."));
        return false;
    }

    private void checkInterval(String interval, String path) {
        if (!Durations.isValid(interval)) {
            problems.add(new ValidationProblem(path, interval, "Invalid interval; write a number and a unit such as"
                    + " 500ms, 10s, 2m or 1h30m, at most " + Durations.MAX_TEXT + "."));
        } else if (Durations.parse(interval).compareTo(Duration.ofMillis(1)) < 0) {
            problems.add(new ValidationProblem(path, interval, "The interval must be at least 1ms."));
        }
    }

    static String available(Collection<String> known) {
        return known.isEmpty() ? " (none are declared)" : " (" + String.join(", ", known) + ")";
    }

    private static boolean isSet(NodeSpec node, NodeField field) {
        return switch (field) {
            case subscriber -> node.getSubscriber() != null;
            case calculator -> node.getCalculator() != null;
            case transformer -> node.getTransformer() != null;
            case publishers -> !node.getPublishers().isEmpty();
            case interval -> node.getInterval() != null;
            case inputTransformers -> !node.getInputTransformers().isEmpty();
            case outputTransformers -> !node.getOutputTransformers().isEmpty();
            case changeDetection -> node.getChangeDetection() != null;
        };
    }

    private static String valueOf(NodeSpec node, NodeField field) {
        return switch (field) {
            case subscriber -> node.getSubscriber();
            case calculator -> node.getCalculator();
            case transformer -> node.getTransformer();
            case publishers -> String.join(", ", node.getPublishers());
            case interval -> node.getInterval();
            case inputTransformers -> String.join(", ", node.getInputTransformers());
            case outputTransformers -> String.join(", ", node.getOutputTransformers());
            case changeDetection -> String.valueOf(node.getChangeDetection());
        };
    }

    private static String typesTaking(NodeField field) {
        List<String> types = Arrays.stream(NodeType.values()).filter(type -> type.takes(field)).map(Enum::name).toList();
        if (types.size() == 1) {
            return "only " + types.get(0) + " nodes";
        }
        return String.join(", ", types.subList(0, types.size() - 1)) + " and " + types.getLast() + " nodes";
    }

    private static String describeFields(NodeType type) {
        List<NodeField> fields = type.fields();
        if (fields.isEmpty()) {
            return "no fields besides name and type";
        }
        return fields.stream()
                .map(field -> type.required().contains(field) ? field + " (required)" : field.toString())
                .collect(Collectors.joining(", "));
    }
}
