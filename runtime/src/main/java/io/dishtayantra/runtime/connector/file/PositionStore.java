package io.dishtayantra.runtime.connector.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The saved read position of a file subscriber: a small JSON file {@code {file, position}} replaced
 * atomically (write to a temporary file, then rename), so a crash leaves the old or the new
 * position, never a torn one.
 */
final class PositionStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path positionFile;
    private final Path dataFile;

    PositionStore(Path positionFile, Path dataFile) {
        this.positionFile = positionFile;
        this.dataFile = dataFile;
    }

    Path positionFile() {
        return positionFile;
    }

    /**
     * Returns the saved byte position, or -1 when there is none or it belongs to another file.
     *
     * @throws IOException when the position file exists but cannot be read
     */
    long load() throws IOException {
        if (!Files.exists(positionFile)) {
            return -1;
        }
        Map<?, ?> saved = JSON.readValue(positionFile.toFile(), Map.class);
        if (!dataFile.toAbsolutePath().toString().equals(saved.get("file"))) {
            return -1;
        }
        return saved.get("position") instanceof Number position ? position.longValue() : -1;
    }

    /** Replaces the saved position. */
    void save(long position) throws IOException {
        Files.createDirectories(positionFile.toAbsolutePath().getParent());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("file", dataFile.toAbsolutePath().toString());
        content.put("position", position);
        Path temporary = positionFile.resolveSibling(positionFile.getFileName() + ".tmp");
        Files.write(temporary, JSON.writeValueAsBytes(content));
        try {
            Files.move(temporary, positionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, positionFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
