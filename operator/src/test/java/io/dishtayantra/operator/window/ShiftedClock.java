package io.dishtayantra.operator.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs at real speed from an instant a test chooses, and can be moved again. */
final class ShiftedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Makes the clock read {@code instant} now and keep running from there. */
    void setNow(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the shifted clock is UTC only");
    }
}
