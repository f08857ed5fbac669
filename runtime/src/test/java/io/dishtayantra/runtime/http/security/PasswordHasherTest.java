package io.dishtayantra.runtime.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void chosenPasswordUsesPbkdf2() {
        String stored = hasher.hash("a-chosen-password".toCharArray());

        assertThat(stored).startsWith("pbkdf2-sha256$600000$");
        assertThat(hasher.problemOf(stored)).isNull();
        assertThat(hasher.matches("a-chosen-password".toCharArray(), stored)).isTrue();
        assertThat(hasher.matches("a-chosen-passwore".toCharArray(), stored)).isFalse();
    }

    @Test
    void generatedSecretUsesSaltedSha256() {
        String secret = hasher.randomSecret(PasswordHasher.MIN_GENERATED_SECRET_BYTES);
        String stored = hasher.hashGeneratedSecret(secret);

        assertThat(stored).startsWith("sha256$");
        assertThat(stored.split("\\$")).hasSize(3);
        assertThat(stored).doesNotContain(secret);
        assertThat(hasher.problemOf(stored)).isNull();
        assertThat(hasher.matches(secret.toCharArray(), stored)).isTrue();
        assertThat(hasher.matches((secret + "x").toCharArray(), stored)).isFalse();
        assertThat(hasher.matches(secret.substring(1).toCharArray(), stored)).isFalse();
    }

    @Test
    void sameSecretGetsDifferentSalts() {
        String secret = hasher.randomSecret(PasswordHasher.MIN_GENERATED_SECRET_BYTES);

        assertThat(hasher.hashGeneratedSecret(secret)).isNotEqualTo(hasher.hashGeneratedSecret(secret));
    }

    @Test
    void shortSecretIsRejectedForSha256() {
        assertThatThrownBy(() -> hasher.hashGeneratedSecret("hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 15 random bytes");
    }

    @Test
    void hashFromOlderVersionStillMatches() {
        // The format every hash had before generated secrets got their own scheme. The password is "correct-horse-battery".
        String stored = "pbkdf2-sha256$600000$q83vASNFZ4mrze8BI0VniQ==$BoicjAUxFGFrTClif8vvBaY1P25z53sDxN53190WfrM=";

        assertThat(hasher.problemOf(stored)).isNull();
        assertThat(hasher.matches("correct-horse-battery".toCharArray(), stored)).isTrue();
        assertThat(hasher.matches("correct-horse-battery!".toCharArray(), stored)).isFalse();
    }

    @Test
    void malformedHashesNeverMatch() {
        String secret = hasher.randomSecret(PasswordHasher.MIN_GENERATED_SECRET_BYTES);
        String valid = hasher.hashGeneratedSecret(secret);
        String[] malformed = {
            null,
            "",
            "md5$" + valid.substring("sha256$".length()),
            "SHA256" + valid.substring("sha256".length()),
            valid + "$extra",
            "sha256$not base64!$" + valid.split("\\$")[2],
            "sha256$$" + valid.split("\\$")[2],
            "pbkdf2-sha256$many$AAAA$AAAA",
            "pbkdf2-sha256$-1$AAAA$AAAA",
            "plain-text-password",
        };
        for (String stored : malformed) {
            assertThat(hasher.matches(secret.toCharArray(), stored)).as(stored).isFalse();
            assertThat(hasher.problemOf(stored)).as(stored).isNotNull();
        }
    }

    @Test
    void unknownSchemeProblemNamesScheme() {
        assertThat(hasher.problemOf("bcrypt$2b$12$abc")).contains("unknown scheme 'bcrypt'").contains("pbkdf2-sha256").contains("sha256");
    }

    @Test
    void excessiveIterationCountIsRejected() {
        String stored = hasher.hash("correct horse".toCharArray());
        String[] parts = stored.split("\\$");
        String huge = parts[0] + "$2000000000$" + parts[2] + "$" + parts[3];

        assertThat(hasher.problemOf(huge)).contains("2000000000 iterations").contains("set the password again");
        assertThat(hasher.matches("correct horse".toCharArray(), huge)).isFalse();
        assertThat(hasher.problemOf(stored)).isNull();
    }
}
