package io.dishtayantra.runtime.connector.mem;

import java.net.URI;

/** A parsed {@code mem://queue/NAME} or {@code mem://topic/NAME}. */
record MemAddress(boolean topic, String name) {

    /**
     * @throws IllegalArgumentException when the URI is not mem://queue/NAME or mem://topic/NAME
     */
    static MemAddress parse(URI uri) {
        String kind = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (!("queue".equals(kind) || "topic".equals(kind)) || name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("Invalid mem URI '" + uri + "'; write mem://queue/NAME (each event to one "
                    + "subscriber) or mem://topic/NAME (each event to every subscriber).");
        }
        return new MemAddress("topic".equals(kind), name);
    }
}
