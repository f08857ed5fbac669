package io.dishtayantra.runtime.connector.metronome;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.config.ConfigReader;
import io.dishtayantra.runtime.connector.ConnectorKind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheme {@code metronome}: a subscriber emitting a tick event every {@code interval} (a duration,
 * default 1s). Written {@code metronome} or {@code metronome://NAME}; the name only labels it.
 * There is no metronome publisher.
 */
public final class MetronomeConnectorKind implements ConnectorKind {

    /** Default time between ticks. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    @Override
    public Set<String> schemes() {
        return Set.of("metronome");
    }

    /**
     * Not shareable: every active instance would tick on its own, so P instances would emit P
     * ticks per interval.
     */
    @Override
    public boolean shareable() {
        return false;
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        ConfigReader reader = new ConfigReader(config, "config");
        reader.rejectUnknownKeys(Set.of("interval"));
        Duration interval = reader.duration("interval", DEFAULT_INTERVAL);
        reader.throwIfInvalid();
        return new MetronomeSubscriber(interval);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        throw new IllegalArgumentException("metronome is a subscriber only; it cannot publish");
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (!asSubscriber) {
            String written = uri.getHost() == null ? uri.getScheme() : uri.getScheme() + "://" + uri.getHost();
            problems.add(new ValidationProblem(path + ".uri", written,
                    "metronome is a subscriber only; use it in spec.subscribers."));
        }
        ConfigReader reader = new ConfigReader(config, path + ".config");
        reader.rejectUnknownKeys(Set.of("interval"));
        reader.duration("interval", DEFAULT_INTERVAL);
        problems.addAll(reader.problems());
        return problems;
    }
}
