package io.dishtayantra.runtime.connector.file;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The position files in use by the running file subscribers of this process. Two subscribers
 * that saved their positions to one file would overwrite each other's position, so the second
 * one is refused at start. Thread-safe.
 *
 * <p>NOTE: this covers the subscribers of one process only; two processes that share a position
 * file are not detected.
 */
final class PositionFileClaims {

    private static final ConcurrentMap<Path, String> OWNERS = new ConcurrentHashMap<>();

    private PositionFileClaims() {
    }

    /**
     * Claims a position file for a subscriber.
     *
     * @param owner names the subscriber and its DAG, for the error of a later claim
     * @throws IllegalStateException when another running subscriber uses the file
     */
    static void claim(Path positionFile, String owner) {
        Path key = positionFile.toAbsolutePath().normalize();
        String previous = OWNERS.putIfAbsent(key, owner);
        if (previous != null) {
            throw new IllegalStateException("The positionFile " + key + " of " + owner + " is already used by "
                    + previous + "; give each file subscriber its own positionFile");
        }
    }

    /** Releases a claim made by {@link #claim}; does nothing when the owner does not hold it. */
    static void release(Path positionFile, String owner) {
        OWNERS.remove(positionFile.toAbsolutePath().normalize(), owner);
    }
}
