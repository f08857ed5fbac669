package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorUriTest {

    private static final Set<String> KNOWN = Set.of("mem", "file", "metronome");

    @Test
    void schemeIsLowercased() {
        assertThat(ConnectorUri.parse("MEM://queue/a", KNOWN).scheme()).isEqualTo("mem");
    }

    @Test
    void bareKnownSchemeIsAccepted() {
        assertThat(ConnectorUri.parse("metronome", KNOWN).scheme()).isEqualTo("metronome");
    }

    @Test
    void bareUnknownWordHasNoScheme() {
        ConnectorUri uri = ConnectorUri.parse("trades", KNOWN);

        assertThat(uri.valid()).isFalse();
        assertThat(uri.error()).contains("no scheme").contains("mem://queue/trades");
    }

    @Test
    void unencodedSpaceIsMalformed() {
        ConnectorUri uri = ConnectorUri.parse("file://out/my file.jsonl", KNOWN);

        assertThat(uri.valid()).isFalse();
        assertThat(uri.error()).contains("malformed").contains("index 13");
    }

    @Test
    void relativeFileUriKeepsScheme() {
        assertThat(ConnectorUri.parse("file://data/trades.jsonl", KNOWN).scheme()).isEqualTo("file");
    }
}
