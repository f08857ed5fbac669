package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.engine.EngineServices;
import org.junit.jupiter.api.Test;

/** The session window example validates, so {@code make run} and the docs point at a working manifest. */
class SessionWindowExampleTest {

    @Test
    void sessionWindowExampleIsValid() {
        EngineServices services = EngineServices.fromClassPath();
        ValidateCommand validate = new ValidateCommand(new RuntimeCatalog(services.calculators(), services.connectors()));

        CommandRunner result = CommandRunner.run(validate,
                Examples.folder().resolve("session-window.yaml").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }
}
