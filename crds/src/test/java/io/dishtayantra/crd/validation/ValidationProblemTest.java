package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationProblemTest {

    @Test
    void bidiAndControlCharactersAreEscaped() {
        ValidationProblem problem = new ValidationProblem("spec.nodes[0].name", "ab\u202Ecd\u0000",
                "No node is named 'ab\u202Ecd'.");

        assertThat(problem.value()).isEqualTo("ab\\u202Ecd\\u0000");
        assertThat(problem.message()).isEqualTo("No node is named 'ab\\u202Ecd'.");
        assertThat(problem.toString()).doesNotContain("\u202E");
    }

    @Test
    void plainTextIsUnchanged() {
        ValidationProblem problem = new ValidationProblem("spec", "naïve-名前", "Fine.");

        assertThat(problem.value()).isEqualTo("naïve-名前");
    }

    @Test
    void emptyPathIsShownAsDocument() {
        ValidationProblem problem = new ValidationProblem("", "[1]", "A manifest document must be an object.");

        assertThat(problem.toString()).isEqualTo("document ([1]): A manifest document must be an object.");
    }
}
