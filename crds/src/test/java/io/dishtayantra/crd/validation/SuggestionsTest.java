package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void distanceCountsEdits() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    @Test
    void closestIgnoresCase() {
        assertThat(Suggestions.closest("applydefaults", List.of("ApplyDefaults", "Addition"))).contains("ApplyDefaults");
    }

    @Test
    void closestRejectsDistantNames() {
        assertThat(Suggestions.closest("pricing", List.of("defaults", "total"))).isEmpty();
        assertThat(Suggestions.closest("", List.of("a"))).isEmpty();
    }

    @Test
    void closestPrefersSmallestDistanceThenName() {
        assertThat(Suggestions.closest("node", List.of("nodes", "node1", "mode"))).contains("mode");
    }

    @Test
    void didYouMeanIsEmptyWithoutCandidate() {
        assertThat(Suggestions.didYouMean("xyz", List.of("alpha"))).isEmpty();
        assertThat(Suggestions.didYouMean("alpah", List.of("alpha"))).isEqualTo(" Did you mean 'alpha'?");
    }
}
