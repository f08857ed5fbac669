package io.dishtayantra.crd.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fails when the generated CRDs drop or rename something that a served version of the committed
 * baseline had: a version, a field, an enum value, a pattern or a type. Stored objects and
 * manifests in users' repositories would stop validating, or lose data to pruning.
 */
class CrdCompatibilityTest {

    private static final Path GENERATED = Path.of("");
    private static final Path BASELINE = Path.of("src/test/resources/crd-baseline");
    private static final String HOW_TO_UPDATE = """

            If this change is intended, add a new API version (keep the old one served), or, \
            while the API is still alpha, describe the breaking change in docs/operator.md \
            (Upgrading the CRDs) and accept it with:
                cp crds/*.yml crds/src/test/resources/crd-baseline/
            """;

    @Test
    void generatedCrdsKeepEveryBaselineField() throws IOException {
        Map<String, JsonNode> baseline = CrdSchemaWalker.readFolder(BASELINE);
        Map<String, JsonNode> generated = CrdSchemaWalker.readFolder(GENERATED);
        assertThat(baseline).as("baseline CRDs in %s", BASELINE.toAbsolutePath()).isNotEmpty();

        List<String> breaks = new ArrayList<>();
        baseline.forEach((file, oldCrd) -> compareCrd(file, oldCrd, generated.get(file), breaks));

        assertThat(breaks).as("breaking CRD changes" + HOW_TO_UPDATE).isEmpty();
    }

    @Test
    void baselineCoversEveryGeneratedCrd() throws IOException {
        Map<String, JsonNode> baseline = CrdSchemaWalker.readFolder(BASELINE);
        Map<String, JsonNode> generated = CrdSchemaWalker.readFolder(GENERATED);

        assertThat(baseline.keySet())
                .as("a new CRD file needs a baseline copy:\n    cp crds/*.yml crds/src/test/resources/crd-baseline/")
                .containsAll(generated.keySet());
    }

    private static void compareCrd(String file, JsonNode oldCrd, JsonNode newCrd, List<String> breaks) {
        if (newCrd == null) {
            breaks.add(file + ": the CRD is no longer generated");
            return;
        }
        Map<String, JsonNode> newVersions = CrdSchemaWalker.versions(newCrd);
        CrdSchemaWalker.versions(oldCrd).forEach((name, oldVersion) -> {
            if (!oldVersion.path("served").asBoolean()) {
                return;
            }
            JsonNode newVersion = newVersions.get(name);
            if (newVersion == null || !newVersion.path("served").asBoolean()) {
                breaks.add(file + ": served version " + name + " was removed or is no longer served");
                return;
            }
            compareSchemas(file + " " + name, CrdSchemaWalker.flatten(oldVersion), CrdSchemaWalker.flatten(newVersion), breaks);
        });
    }

    private static void compareSchemas(String where, Map<String, JsonNode> oldPaths, Map<String, JsonNode> newPaths,
            List<String> breaks) {
        oldPaths.forEach((path, oldSchema) -> {
            JsonNode newSchema = newPaths.get(path);
            if (newSchema == null) {
                breaks.add(where + ": field " + path + " was removed or renamed");
                return;
            }
            String oldType = oldSchema.path("type").asText();
            String newType = newSchema.path("type").asText();
            if (!oldType.equals(newType)) {
                breaks.add(where + ": field " + path + " changed type from '" + oldType + "' to '" + newType + "'");
            }
            List<String> newEnum = CrdSchemaWalker.enumValues(newSchema);
            for (String value : CrdSchemaWalker.enumValues(oldSchema)) {
                if (!newEnum.contains(value)) {
                    breaks.add(where + ": enum value '" + value + "' of " + path + " was removed");
                }
            }
            String oldPattern = oldSchema.path("pattern").asText(null);
            String newPattern = newSchema.path("pattern").asText(null);
            if (oldPattern != null && !oldPattern.equals(newPattern)) {
                breaks.add(where + ": pattern of " + path + " changed from '" + oldPattern + "' to '" + newPattern
                        + "'; values valid before may now be rejected");
            }
        });
    }
}
