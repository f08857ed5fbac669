package io.dishtayantra.runtime.engine;

/** The node types of a manifest, as the engine runs them. */
public enum NodeType {
    /** Takes events from a subscriber's queue. */
    SUBSCRIPTION("Subscription"),
    /** Runs a calculator on its merged input. */
    CALCULATION("Calculation"),
    /** Runs a transformer on its merged input. */
    TRANSFORM("Transform"),
    /** Computes like a Calculation node, then sends its output to its publishers. */
    PUBLICATION("Publication"),
    /** Runs on every tick of its interval, not when its parents change. */
    METRONOME("Metronome"),
    /** Records its input; a leaf. */
    SINK("Sink");

    private final String manifestName;

    NodeType(String manifestName) {
        this.manifestName = manifestName;
    }

    /** The type as a manifest writes it, such as {@code Calculation}. */
    public String manifestName() {
        return manifestName;
    }

    /** Returns the type a manifest names, or null when it names none. */
    public static NodeType fromManifest(String name) {
        for (NodeType type : values()) {
            if (type.manifestName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Whether nodes of this type take events from a queue rather than from parents. */
    boolean hasQueue() {
        return this == SUBSCRIPTION || this == METRONOME;
    }
}
