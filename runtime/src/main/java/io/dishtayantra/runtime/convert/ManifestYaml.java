package io.dishtayantra.runtime.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;

/**
 * Writes a manifest tree as YAML for people to read and edit: strings unquoted where YAML
 * allows. When a value would read back differently unquoted (such as the text "1e3", which YAML
 * reads as a number), every string is quoted instead. Thread-safe.
 */
public final class ManifestYaml {

    private static final ObjectMapper READABLE = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final ObjectMapper QUOTED = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private ManifestYaml() {
    }

    /** Returns the tree as YAML, preceded by the comment lines (each written after "# "). */
    public static String write(JsonNode manifest, List<String> comments) {
        StringBuilder yaml = new StringBuilder();
        for (String comment : comments) {
            yaml.append(comment.isEmpty() ? "#" : "# " + comment.replace("\n", "\n# ")).append('\n');
        }
        return yaml.append(write(manifest)).toString();
    }

    /** Returns the tree as YAML. */
    public static String write(JsonNode manifest) {
        try {
            String readable = READABLE.writeValueAsString(manifest);
            if (READABLE.readTree(readable).equals(manifest)) {
                return readable;
            }
            return QUOTED.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the manifest as YAML", e);
        }
    }
}
