package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriRedactorTest {

    @Test
    void passwordInUriIsHidden() {
        assertThat(UriRedactor.redact("redis://admin:hunter2@127.0.0.1:6379/list/x"))
                .isEqualTo("redis://admin:******@127.0.0.1:6379/list/x");
    }

    @Test
    void passwordWithoutUserIsHidden() {
        assertThat(UriRedactor.redact("redis://:pw@host")).isEqualTo("redis://:******@host");
    }

    @Test
    void malformedUriInMessageIsHidden() {
        assertThat(UriRedactor.redact("bad uri amqp://app:s3cret@host/has space here"))
                .isEqualTo("bad uri amqp://app:******@host/has space here");
    }

    @Test
    void uriWithoutPasswordIsUnchanged() {
        assertThat(UriRedactor.redact("mqtt://user@host/topic")).isEqualTo("mqtt://user@host/topic");
        assertThat(UriRedactor.redact("file://data/in.jsonl")).isEqualTo("file://data/in.jsonl");
    }

    @Test
    void validationProblemHidesPasswordInValueAndMessage() {
        ValidationProblem problem = new ValidationProblem("spec.subscribers[0].uri",
                "redis://admin:hunter2-uri@127.0.0.1:6379/list/q", "see redis://admin:hunter2-uri@127.0.0.1:6379");

        assertThat(problem.value()).isEqualTo("redis://admin:******@127.0.0.1:6379/list/q");
        assertThat(problem.message()).doesNotContain("hunter2");
        assertThat(problem.toString()).doesNotContain("hunter2");
    }
}
