package io.dishtayantra.runtime.calculator.natives;

import io.dishtayantra.runtime.config.ConfigReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of a {@code Native} calculator.
 *
 * @param library path of the shared library; a relative path resolves against the manifest's folder
 * @param symbol exported function to call
 * @param style {@code json} or {@code numeric}
 * @param output {@code merge} (JSON style: the function's object is merged into the event) or
 *     {@code replace} (the object is the output)
 * @param outputBufferBytes initial size of the JSON output buffer
 * @param maxOutputBytes largest JSON output buffer the calculator allocates on a
 *     buffer-too-small retry
 * @param inputs numeric style: event fields passed as double columns, in this order
 * @param outputs numeric style: fields the function's output columns are written to
 * @param critical link the function as a critical function (faster transitions; the function
 *     must be short, must not block and must not call back into Java)
 */
record NativeSettings(String library, String symbol, String style, String output, int outputBufferBytes,
        int maxOutputBytes, List<String> inputs, List<String> outputs, boolean critical) {

    static final String JSON = "json";
    static final String NUMERIC = "numeric";

    /** Parses settings; problems go to {@code reader}. */
    static NativeSettings read(ConfigReader reader) {
        reader.rejectUnknownKeys(Set.of("library", "symbol", "style", "output", "outputBufferBytes",
                "maxOutputBytes", "inputs", "outputs", "critical"));

        String library = reader.string("library", true, null);
        if (library != null) {
            try {
                Path.of(library);
            } catch (InvalidPathException e) {
                reader.problem("library", library, "Not a valid path: " + e.getReason() + ".");
            }
        }
        String symbol = reader.string("symbol", true, null);
        String style = reader.oneOf("style", JSON, Set.of(JSON, NUMERIC));
        String output = reader.oneOf("output", "merge", Set.of("merge", "replace"));
        int outputBufferBytes = (int) reader.integer("outputBufferBytes", 4096, 16, Integer.MAX_VALUE - 8);
        int maxOutputBytes = (int) reader.integer("maxOutputBytes", 16 << 20, 16, Integer.MAX_VALUE - 8);
        if (maxOutputBytes < outputBufferBytes) {
            reader.problem("maxOutputBytes", maxOutputBytes, "Must be at least outputBufferBytes ("
                    + outputBufferBytes + ").");
        }
        List<String> inputs = reader.stringList("inputs", false, false);
        List<String> outputs = reader.stringList("outputs", false, false);
        boolean critical = reader.bool("critical", false);

        if (NUMERIC.equals(style)) {
            checkFieldList(reader, "inputs", inputs);
            checkFieldList(reader, "outputs", outputs);
        } else {
            if (!inputs.isEmpty()) {
                reader.problem("inputs", inputs, "Applies to style numeric only; the json style passes the whole event.");
            }
            if (!outputs.isEmpty()) {
                reader.problem("outputs", outputs, "Applies to style numeric only; the json style returns an object.");
            }
        }
        return new NativeSettings(library, symbol, style, output, outputBufferBytes, maxOutputBytes, inputs,
                outputs, critical);
    }

    private static void checkFieldList(ConfigReader reader, String key, List<String> fields) {
        if (fields.isEmpty() && !reader.has(key)) {
            reader.problem(key, null, "Missing; style numeric needs a list of field names.");
            return;
        }
        if (fields.isEmpty()) {
            reader.problem(key, null, "Must name at least one field.");
        }
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            if (!seen.add(field)) {
                reader.problem(key, field, "Lists the field twice.");
            }
        }
    }

    /** The library path resolved against {@code baseDirectory} when relative. */
    Path resolveLibrary(Path baseDirectory) {
        Path path = Path.of(library);
        return path.isAbsolute() || baseDirectory == null ? path.toAbsolutePath() : baseDirectory.resolve(path).toAbsolutePath();
    }
}
