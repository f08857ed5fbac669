package io.dishtayantra.crd.manifest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads DAG and TimeWindow manifests from YAML or JSON files, one or more documents per file.
 * Unknown fields and values of the wrong type are collected as problems with their path instead
 * of stopping at the first, so that validation can report everything at once.
 *
 * <p>Thread-safe.
 */
public final class ManifestLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Loads a file, or every {@code .yaml}, {@code .yml} and {@code .json} file directly inside a
     * folder, in name order.
     *
     * @throws IOException when a file cannot be read
     */
    public List<ManifestDocument> load(Path fileOrFolder) throws IOException {
        if (!Files.exists(fileOrFolder)) {
            throw new java.io.FileNotFoundException(fileOrFolder + " does not exist");
        }
        if (!Files.isDirectory(fileOrFolder)) {
            return parse(Files.readString(fileOrFolder), fileOrFolder);
        }
        List<ManifestDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(fileOrFolder)) {
            for (Path file : files.filter(ManifestLoader::isManifestFile).sorted().toList()) {
                documents.addAll(parse(Files.readString(file), file));
            }
        }
        return documents;
    }

    /** Whether a file name ends in .yaml, .yml or .json. */
    public static boolean isManifestFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    /** Parses the documents of one file's text; {@code source} is used in messages only. */
    public List<ManifestDocument> parse(String text, Path source) {
        List<ManifestDocument> documents = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> trees = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (trees.hasNextValue()) {
                JsonNode tree = trees.nextValue();
                if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
                    documents.add(convert(tree, source, index));
                }
                index++;
            }
        } catch (JsonParseException e) {
            String duplicate = duplicateKey(e);
            String message = duplicate != null ? duplicate : e.getOriginalMessage();
            String path = duplicate != null ? ProblemCollector.pathOf(e.getProcessor().getParsingContext()) : "";
            documents.add(new ManifestDocument(source, index, null, List.of(new ValidationProblem(
                    path, null, duplicate != null ? message : "The file is not valid YAML or JSON: " + message))));
        } catch (IOException | RuntimeException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            documents.add(new ManifestDocument(source, index, null, List.of(new ValidationProblem(
                    "", null, "The file is not valid YAML or JSON: " + message))));
        }
        return documents;
    }

    /** Returns the message for a key given twice in one object, or null for other parse errors. */
    private static String duplicateKey(JsonParseException e) {
        String original = e.getOriginalMessage();
        if (original == null || !original.startsWith("Duplicate field '")) {
            return null;
        }
        String key = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return "The key '" + key + "' is given twice" + line + "; keep one of them, because only one value can"
                + " be used.";
    }

    private ManifestDocument convert(JsonNode tree, Path source, int index) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (!tree.isObject()) {
            problems.add(new ValidationProblem("", tree.toString(),
                    "A manifest document must be an object with apiVersion, kind, metadata and spec."));
            return new ManifestDocument(source, index, null, problems);
        }
        String kind = tree.path("kind").asText("");
        Class<? extends HasMetadata> type = switch (kind) {
            case Dag.KIND -> Dag.class;
            case "TimeWindow" -> TimeWindow.class;
            default -> null;
        };
        if (type == null) {
            problems.add(new ValidationProblem("kind", kind.isEmpty() ? null : kind,
                    "The kind must be DAG or TimeWindow."));
            return new ManifestDocument(source, index, null, problems);
        }
        String apiVersion = tree.path("apiVersion").asText("");
        if (!Dag.API_VERSION.equals(apiVersion)) {
            problems.add(new ValidationProblem("apiVersion", apiVersion.isEmpty() ? null : apiVersion,
                    "The apiVersion must be " + Dag.API_VERSION + "."));
        }
        JsonNode spec = tree.get("spec");
        if (spec instanceof ObjectNode specObject) {
            Class<?> specType = type == Dag.class ? DagSpec.class : TimeWindowSpec.class;
            new ModelTypeCheck(YAML, problems).checkObject(specObject, YAML.constructType(specType), "spec");
        }
        try {
            HasMetadata resource = YAML.readerFor(type)
                    .withHandler(new ProblemCollector(problems))
                    .readValue(tree);
            return new ManifestDocument(source, index, resource, problems);
        } catch (IOException e) {
            problems.add(new ValidationProblem(pathOf(e), null, "Cannot read this value: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())));
            return new ManifestDocument(source, index, null, problems);
        }
    }

    private static String pathOf(IOException e) {
        if (e instanceof MismatchedInputException mismatch) {
            StringBuilder path = new StringBuilder();
            for (var reference : mismatch.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "";
    }

    /** Records unknown fields and wrong-typed scalars, then lets parsing continue. */
    private static final class ProblemCollector extends DeserializationProblemHandler {

        private final List<ValidationProblem> problems;

        ProblemCollector(List<ValidationProblem> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            JsonStreamContext field = parser.getParsingContext();
            if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
                field = field.getParent();
            }
            String path = pathOf(field);
            problems.add(new ValidationProblem(path, null, "Unknown field '" + propertyName
                    + "'; check its spelling against docs/manifest.md (field names are camelCase)."));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType,
                String valueToConvert, String failureMsg) {
            problems.add(new ValidationProblem(pathOf(context.getParser().getParsingContext()), valueToConvert,
                    "Expected " + describe(targetType) + " here."));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, com.fasterxml.jackson.databind.JavaType targetType,
                com.fasterxml.jackson.core.JsonToken token, JsonParser parser, String failureMsg) throws IOException {
            String value = parser.getText();
            problems.add(new ValidationProblem(pathOf(parser.getParsingContext()), value,
                    "Expected " + describe(targetType.getRawClass()) + " here."));
            parser.skipChildren();
            return null;
        }

        private static String describe(Class<?> type) {
            if (List.class.isAssignableFrom(type)) {
                return "a list";
            }
            if (java.util.Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
                return "an object";
            }
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "a whole number";
            }
            return "a " + type.getSimpleName().toLowerCase();
        }

        static String pathOf(JsonStreamContext context) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                if (at.inArray()) {
                    parts.add(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
                } else if (at.getCurrentName() != null) {
                    parts.add(0, "." + at.getCurrentName());
                }
            }
            String path = String.join("", parts);
            return path.startsWith(".") ? path.substring(1) : path;
        }
    }
}
