package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session window example validates, so {@code make run} and the docs point at a working manifest. */
class SessionWindowExampleTest {

    @Test
    void sessionWindowExampleIsValid() {
        CommandRunner result = CommandRunner.run(new ValidateCommand(),
                Examples.folder().resolve("session-window.yaml").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }
}
