package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InterruptHandlerTest {

    @Test
    void firstPressStopsSecondHalts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> exits = new CopyOnWriteArrayList<>();
        List<Integer> halts = new CopyOnWriteArrayList<>();
        InterruptHandler handler = new InterruptHandler(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                exits::add, halts::add);

        handler.interrupted();
        await().atMost(Duration.ofSeconds(5)).until(() -> exits.size() == 1);

        assertThat(exits).containsExactly(130);
        assertThat(halts).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Stopping; press Ctrl-C again to exit immediately");

        handler.interrupted();

        assertThat(halts).containsExactly(130);
        assertThat(exits).hasSize(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Exiting immediately");
    }
}
