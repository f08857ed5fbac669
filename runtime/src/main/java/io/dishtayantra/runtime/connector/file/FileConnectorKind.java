package io.dishtayantra.runtime.connector.file;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.config.ConfigReader;
import io.dishtayantra.runtime.connector.ConnectorKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheme {@code file}: JSON Lines files. A relative path resolves against the manifest's folder.
 *
 * <p>Subscriber config: {@code format} ({@code jsonl} default, or {@code csv} with a header line),
 * {@code delimiter} (CSV, default {@code ,}), {@code startFrom} ({@code beginning} default, or
 * {@code end}; used only when no position is saved), {@code follow} (default true: keep reading
 * lines appended later), {@code pollInterval} (default 200ms), {@code positionFile} (default
 * {@code $DISHTAYANTRA_DATA_DIR/positions/DAG/SUBSCRIBER.json}, the data folder defaulting to
 * {@code ./.dishtayantra}), {@code positionWriteInterval} (default 1s).
 *
 * <p>Publisher config: {@code flushInterval} (default 1s): the longest time a line waits in the
 * buffer before it is written to the file.
 */
public final class FileConnectorKind implements ConnectorKind {

    private static final Set<String> SUBSCRIBER_KEYS = Set.of("format", "delimiter", "startFrom", "follow",
            "pollInterval", "positionFile", "positionWriteInterval");
    private static final Set<String> PUBLISHER_KEYS = Set.of("flushInterval");

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        FileAddress.path(uri, null);
        ConfigReader reader = new ConfigReader(config, "config");
        FileSubscriberSettings settings = subscriberSettings(reader);
        reader.throwIfInvalid();
        return new FileSubscriber(settings);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        FileAddress.path(uri, null);
        ConfigReader reader = new ConfigReader(config, "config");
        reader.rejectUnknownKeys(PUBLISHER_KEYS);
        Duration flushInterval = reader.duration("flushInterval", Duration.ofSeconds(1));
        reader.throwIfInvalid();
        return new FilePublisher(flushInterval);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        List<ValidationProblem> problems = new ArrayList<>();
        try {
            FileAddress.path(uri, null);
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(path + ".uri", uri.toString(), e.getMessage()));
        }
        ConfigReader reader = new ConfigReader(config, path + ".config");
        if (asSubscriber) {
            subscriberSettings(reader);
        } else {
            reader.rejectUnknownKeys(PUBLISHER_KEYS);
            reader.duration("flushInterval", Duration.ofSeconds(1));
        }
        problems.addAll(reader.problems());
        return problems;
    }

    private static FileSubscriberSettings subscriberSettings(ConfigReader reader) {
        reader.rejectUnknownKeys(SUBSCRIBER_KEYS);
        boolean csv = "csv".equals(reader.oneOf("format", "jsonl", Set.of("jsonl", "csv")));
        String delimiter = reader.string("delimiter", false, ",");
        if (delimiter != null && delimiter.length() != 1) {
            reader.problem("delimiter", delimiter, "Expected a single character, such as , or ;.");
            delimiter = ",";
        }
        boolean fromEnd = "end".equals(reader.oneOf("startFrom", "beginning", Set.of("beginning", "end")));
        boolean follow = reader.bool("follow", true);
        Duration pollInterval = reader.duration("pollInterval", Duration.ofMillis(200));
        String positionFile = reader.string("positionFile", false, null);
        Duration writeInterval = reader.duration("positionWriteInterval", Duration.ofSeconds(1));
        return new FileSubscriberSettings(csv, delimiter.charAt(0), fromEnd, follow, pollInterval,
                positionFile == null ? null : Path.of(positionFile), writeInterval);
    }
}
