package io.dishtayantra.crd.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One opening of a window.
 *
 * @param date the local date, in the window's time zone, on which the occurrence opens; dated
 *     clones are named after it
 * @param opens the first instant inside the occurrence
 * @param closes the first instant after the occurrence; always after {@code opens}
 */
public record Occurrence(LocalDate date, Instant opens, Instant closes) {

    public Occurrence {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("occurrence of " + date + " closes at " + closes
                    + ", not after it opens at " + opens);
        }
    }

    /** Whether the instant is inside the occurrence: at or after {@code opens}, before {@code closes}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(opens) && instant.isBefore(closes);
    }

    /** Elapsed time from opening to closing. */
    public Duration length() {
        return Duration.between(opens, closes);
    }
}
