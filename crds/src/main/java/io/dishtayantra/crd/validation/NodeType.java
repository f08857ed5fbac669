package io.dishtayantra.crd.validation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The node types of a DAG and which node fields each one takes. This table is the single
 * source of the rules that validation enforces and docs/manifest.md describes.
 */
public enum NodeType {

    /** Takes events from its subscriber's queue; a source, so no edge leads into it. */
    Subscription(EnumSet.of(NodeField.subscriber),
            EnumSet.of(NodeField.calculator, NodeField.inputTransformers, NodeField.outputTransformers,
                    NodeField.changeDetection),
            false, true),

    /** Runs its calculator on the merged input of its parents; without a calculator it passes the input on. */
    Calculation(EnumSet.noneOf(NodeField.class),
            EnumSet.of(NodeField.calculator, NodeField.inputTransformers, NodeField.outputTransformers,
                    NodeField.changeDetection),
            true, true),

    /** Applies one transformer to the merged input of its parents. */
    Transform(EnumSet.of(NodeField.transformer),
            EnumSet.of(NodeField.changeDetection),
            true, true),

    /** Sends its output to one or more publishers; its output also flows on to its children. */
    Publication(EnumSet.of(NodeField.publishers),
            EnumSet.of(NodeField.calculator, NodeField.inputTransformers, NodeField.outputTransformers,
                    NodeField.changeDetection),
            true, true),

    /**
     * Emits a tick event every interval, optionally through a calculator and to publishers. It
     * may have parents: their latest values are merged into each tick, but they do not trigger it.
     */
    Metronome(EnumSet.of(NodeField.interval),
            EnumSet.of(NodeField.calculator, NodeField.publishers),
            true, true),

    /** Ends a branch: receives events and does nothing with them. */
    Sink(EnumSet.noneOf(NodeField.class),
            EnumSet.noneOf(NodeField.class),
            true, false);

    /** The node fields whose use depends on the type; name and type apply to every node. */
    public enum NodeField {
        subscriber, calculator, transformer, publishers, interval, inputTransformers, outputTransformers,
        changeDetection
    }

    private final Set<NodeField> required;
    private final Set<NodeField> optional;
    private final boolean takesIncomingEdges;
    private final boolean takesOutgoingEdges;

    NodeType(Set<NodeField> required, Set<NodeField> optional, boolean takesIncomingEdges,
            boolean takesOutgoingEdges) {
        this.required = Set.copyOf(required);
        this.optional = Set.copyOf(optional);
        this.takesIncomingEdges = takesIncomingEdges;
        this.takesOutgoingEdges = takesOutgoingEdges;
    }

    /** Returns the type with exactly this name (case-sensitive), if there is one. */
    public static Optional<NodeType> of(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    /** Returns the names of every type, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** Fields this type cannot run without. */
    public Set<NodeField> required() {
        return required;
    }

    /** Whether a node of this type may set the field. */
    public boolean takes(NodeField field) {
        return required.contains(field) || optional.contains(field);
    }

    /** Fields a node of this type may set, required first, in declaration order. */
    public List<NodeField> fields() {
        return Arrays.stream(NodeField.values()).filter(this::takes).toList();
    }

    /** Whether edges may lead into a node of this type; a Subscription node takes none. */
    public boolean takesIncomingEdges() {
        return takesIncomingEdges;
    }

    /** Whether a node of this type runs only when a parent passes it a value, so it needs an incoming edge. */
    public boolean needsIncomingEdges() {
        return takesIncomingEdges && this != Metronome;
    }

    /** Whether edges may leave a node of this type; a Sink ends its branch. */
    public boolean takesOutgoingEdges() {
        return takesOutgoingEdges;
    }
}
