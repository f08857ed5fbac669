package io.dishtayantra.runtime.connector.file;

import java.net.URI;
import java.nio.file.Path;

/** Turns a {@code file:} URI into a path; a relative path resolves against the manifest's folder. */
final class FileAddress {

    private FileAddress() {
    }

    /**
     * Reads {@code file:///abs/path}, {@code file:/abs/path}, {@code file://relative/path} and
     * {@code file:relative/path}.
     *
     * @throws IllegalArgumentException when the URI names no path
     */
    static Path path(URI uri, Path baseDirectory) {
        String part = uri.getSchemeSpecificPart();
        if (part != null && part.startsWith("//")) {
            part = part.substring(2);
        }
        if (part == null || part.isBlank() || part.equals("/")) {
            throw new IllegalArgumentException("The URI '" + uri + "' names no file; write file://data/trades.jsonl "
                    + "(relative to the manifest's folder) or file:///var/data/trades.jsonl.");
        }
        Path path = Path.of(part);
        return path.isAbsolute() || baseDirectory == null ? path : baseDirectory.resolve(path).normalize();
    }
}
