package io.dishtayantra.runtime.window;

import io.dishtayantra.crd.window.RunMode;

/** Something a {@link WindowController} drives between running, suspended and stopped. */
@FunctionalInterface
public interface WindowTarget {

    /**
     * Brings the target into {@code mode} from whatever mode it is in. Called on the controller's
     * thread only, once per change and again after a failure.
     *
     * @throws Exception when the change failed; the controller logs it and retries
     */
    void apply(RunMode mode) throws Exception;
}
