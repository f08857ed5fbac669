package io.dishtayantra.runtime.ha;

import java.time.Instant;

/** Passes lifecycle calls on and records when the last activation began and the last deactivation ended. */
final class RecordingLifecycle implements InstanceLifecycle {

    private final InstanceLifecycle delegate;
    volatile Instant activationStarted;
    volatile Instant deactivationEnded;
    volatile int activations;

    RecordingLifecycle(InstanceLifecycle delegate) {
        this.delegate = delegate;
    }

    @Override
    public void activate(int index) {
        activationStarted = Instant.now();
        activations++;
        delegate.activate(index);
    }

    @Override
    public void deactivate(String reason) {
        delegate.deactivate(reason);
        deactivationEnded = Instant.now();
    }
}
