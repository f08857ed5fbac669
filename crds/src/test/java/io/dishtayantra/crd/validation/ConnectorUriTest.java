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

    @Test
    void pathWithoutSchemeSuggestsFile() {
        ConnectorUri uri = ConnectorUri.parse("data/in.jsonl", KNOWN);

        assertThat(uri.valid()).isFalse();
        assertThat(uri.error()).contains("file://data/in.jsonl").doesNotContain("mem://");
    }

    @Test
    void spaceErrorSaysHowToWriteIt() {
        assertThat(ConnectorUri.parse("file://out/my file.jsonl", KNOWN).error()).contains("write each space as %20");
    }

    @Test
    void emptyPathIsNamedAsMissing() {
        String error = ConnectorUri.parse("file://", KNOWN).error();

        assertThat(error).contains("nothing after file://");
        assertThat(error).doesNotContain("Percent-encode");
    }
}
