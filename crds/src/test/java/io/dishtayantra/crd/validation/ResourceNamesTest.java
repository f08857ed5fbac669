package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void dagNamesFollowDns1123Labels() {
        assertThat(ResourceNames.checkDagName("trade-enrichment")).isEmpty();
        assertThat(ResourceNames.checkDagName("a1")).isEmpty();
        assertThat(ResourceNames.checkDagName("-trades")).isPresent();
        assertThat(ResourceNames.checkDagName("trades-")).isPresent();
        assertThat(ResourceNames.checkDagName("trades.eu")).isPresent();
        assertThat(ResourceNames.checkDagName("Trades")).isPresent();
    }

    @Test
    void dagNameLimitLeavesRoomForCloneSuffix() {
        assertThat(ResourceNames.checkDagName("a".repeat(54))).isEmpty();
        assertThat(ResourceNames.checkDagName("a".repeat(54) + "-20261204")).isPresent();
        assertThat(("a".repeat(54) + "-20261204").length()).isEqualTo(63);
    }

    @Test
    void objectNamesMayContainDots() {
        assertThat(ResourceNames.checkObjectName("london.hours")).isEmpty();
        assertThat(ResourceNames.checkObjectName("London")).isPresent();
    }

    @Test
    void componentNamesAllowUnderscoresAndCapitals() {
        assertThat(ResourceNames.checkComponentName("quotes_in")).isEmpty();
        assertThat(ResourceNames.checkComponentName("Fill.Gaps-2")).isEmpty();
        assertThat(ResourceNames.checkComponentName("_hidden")).isPresent();
        assertThat(ResourceNames.checkComponentName("two words")).isPresent();
        assertThat(ResourceNames.checkComponentName("x".repeat(64))).isPresent();
    }

    @Test
    void suggestionTurnsAnyTextIntoALabel() {
        assertThat(ResourceNames.suggestDns1123("FX_Quote Cleaner!")).isEqualTo("fx-quote-cleaner");
        assertThat(ResourceNames.suggestDns1123("___")).isEqualTo("my-dag");
    }
}
