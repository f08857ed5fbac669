package io.dishtayantra.crd.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Build step that puts the printer columns of the generated CRD YAML in the order the
 * {@link AdditionalPrinterColumn} annotations are declared on each resource class.
 * The fabric8 CRD generator (7.5.2) sorts them by JSON path, and kubectl shows columns in
 * the order the CRD lists them. Run by the crds build right after generation.
 */
public final class PrinterColumnOrder {

    private static final List<Class<? extends HasMetadata>> RESOURCES = List.of(Dag.class, TimeWindow.class);

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build();

    private PrinterColumnOrder() {
    }

    /**
     * Rewrites the CRD files in a folder.
     *
     * @param args the folder holding {@code <plural>.<group>-v1.yml} files
     * @throws IOException when a CRD file is missing or cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: PrinterColumnOrder <folder with the generated CRD YAML>");
        }
        Path folder = Path.of(args[0]);
        for (Class<? extends HasMetadata> resource : RESOURCES) {
            reorder(folder.resolve(HasMetadata.getFullResourceName(resource) + "-v1.yml"), declaredOrder(resource));
        }
    }

    /** Column names in declaration order. */
    static List<String> declaredOrder(Class<?> resource) {
        return Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
    }

    static void reorder(Path crdFile, List<String> order) throws IOException {
        if (!Files.isRegularFile(crdFile)) {
            throw new IOException(crdFile + " does not exist; run the CRD generator first (mvn -pl crds process-classes)");
        }
        String text = Files.readString(crdFile);
        String header = text.lines().takeWhile(line -> line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        JsonNode crd = YAML.readTree(text);
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode columns = version.path("additionalPrinterColumns");
            if (columns instanceof ArrayNode array) {
                List<JsonNode> sorted = new ArrayList<>();
                array.forEach(sorted::add);
                sorted.sort(Comparator.comparingInt(column -> rank(order, column.path("name").asText())));
                array.removeAll();
                sorted.forEach(array::add);
            }
        }
        String body = YAML.writeValueAsString((ObjectNode) crd);
        Files.writeString(crdFile, header + body);
    }

    private static int rank(List<String> order, String name) {
        int index = order.indexOf(name);
        return index < 0 ? order.size() : index;
    }
}
