package io.dishtayantra.crd.manifest;

import io.dishtayantra.crd.validation.ValidationProblem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;

/**
 * One document of a manifest file: a DAG or a TimeWindow, with the problems found while
 * parsing it (unknown fields, wrong value types). {@code resource} is null when the document
 * could not be read at all.
 *
 * @param source the file it came from
 * @param index the document's position in the file, from 0
 */
public record ManifestDocument(Path source, int index, HasMetadata resource, List<ValidationProblem> problems) {

    public ManifestDocument {
        problems = List.copyOf(problems);
    }

    /** Where the document is, for messages: the file, and the document number when it is not the first. */
    public String location() {
        return index == 0 ? source.toString() : source + " (document " + (index + 1) + ")";
    }
}
