package io.dishtayantra.runtime.http.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes in two self-describing schemes, with base64 salt and hash:
 *
 * <ul>
 *   <li>{@code pbkdf2-sha256$ITERATIONS$SALT$HASH}: PBKDF2-HMAC-SHA256, for every password a person
 *       chooses. The iteration count makes guessing a weak password slow.</li>
 *   <li>{@code sha256$SALT$HASH}: one SHA-256 of salt and secret, only for secrets that this class
 *       generates with at least {@value #MIN_GENERATED_SECRET_BYTES} random bytes. A guess at a
 *       120-bit random secret succeeds with probability 2<sup>-120</sup> however fast each guess
 *       is, so a slow KDF adds nothing, as with the SHA-256 hashes of API tokens.</li>
 * </ul>
 *
 * Thread-safe.
 */
public final class PasswordHasher {

    /** Iterations for new PBKDF2 hashes; OWASP's 2023 guidance for PBKDF2-HMAC-SHA256 is 600,000. */
    public static final int ITERATIONS = 600_000;

    /**
     * Most iterations a stored hash may ask for, about 17 times the default. A hash with more,
     * written by hand into users.json, would tie up a core for seconds on each login attempt.
     */
    public static final int MAX_ITERATIONS = 10_000_000;

    /** Scheme of hashes of passwords that people choose. */
    public static final String PBKDF2_SCHEME = "pbkdf2-sha256";

    /** Scheme of hashes of generated random secrets. */
    public static final String SHA256_SCHEME = "sha256";

    /** Random bytes a generated secret needs before {@link #hashGeneratedSecret} accepts it: 120 bits. */
    public static final int MIN_GENERATED_SECRET_BYTES = 15;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();

    /** Hashes a password that a person chose, with PBKDF2 and a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = newSalt();
        byte[] hash = derive(password, salt, ITERATIONS);
        Base64.Encoder base64 = Base64.getEncoder();
        return PBKDF2_SCHEME + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * Hashes a secret returned by {@link #randomSecret(int)} with salted SHA-256.
     *
     * @throws IllegalArgumentException when the secret is shorter than the base64 text of
     *         {@value #MIN_GENERATED_SECRET_BYTES} random bytes, so that it cannot be a generated secret
     */
    public String hashGeneratedSecret(String secret) {
        if (secret == null || secret.length() < base64Length(MIN_GENERATED_SECRET_BYTES)) {
            throw new IllegalArgumentException("A generated secret needs at least " + MIN_GENERATED_SECRET_BYTES
                    + " random bytes; hash a chosen password with PBKDF2 instead.");
        }
        byte[] salt = newSalt();
        byte[] hash = sha256(salt, secret.toCharArray());
        Base64.Encoder base64 = Base64.getEncoder();
        return SHA256_SCHEME + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * Checks a password against a stored hash of either scheme, comparing in constant time.
     * Returns false for a wrong password and for a hash that {@link #problemOf} reports.
     */
    public boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
        try {
            if (parts.length == 4 && PBKDF2_SCHEME.equals(parts[0])) {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                return iterations > 0 && iterations <= MAX_ITERATIONS && salt.length > 0
                        && MessageDigest.isEqual(expected, derive(password, salt, iterations));
            }
            if (parts.length == 3 && SHA256_SCHEME.equals(parts[0])) {
                byte[] salt = Base64.getDecoder().decode(parts[1]);
                byte[] expected = Base64.getDecoder().decode(parts[2]);
                return salt.length > 0 && MessageDigest.isEqual(expected, sha256(salt, password));
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /**
     * Checks that a stored hash has a known scheme and can be decoded, without a password.
     *
     * @return null when it is well formed, else a sentence that describes the problem
     */
    public String problemOf(String stored) {
        if (stored == null || stored.isEmpty()) {
            return "the password hash is missing";
        }
        String[] parts = stored.split("\\$", -1);
        String scheme = parts[0];
        int expectedParts;
        if (PBKDF2_SCHEME.equals(scheme)) {
            expectedParts = 4;
        } else if (SHA256_SCHEME.equals(scheme)) {
            expectedParts = 3;
        } else {
            return "the password hash has the unknown scheme '" + abbreviate(scheme) + "'; known schemes are "
                    + PBKDF2_SCHEME + " and " + SHA256_SCHEME;
        }
        if (parts.length != expectedParts) {
            return "the " + scheme + " password hash has " + parts.length + " '$'-separated fields instead of " + expectedParts;
        }
        try {
            if (expectedParts == 4 && Integer.parseInt(parts[1]) <= 0) {
                return "the " + scheme + " password hash has a non-positive iteration count";
            }
            if (expectedParts == 4 && Integer.parseInt(parts[1]) > MAX_ITERATIONS) {
                return "the " + scheme + " password hash asks for " + parts[1] + " iterations, more than the maximum of "
                        + MAX_ITERATIONS + "; set the password again to store a new hash";
            }
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] salt = base64.decode(parts[parts.length - 2]);
            byte[] hash = base64.decode(parts[parts.length - 1]);
            if (salt.length == 0 || hash.length != HASH_BITS / 8) {
                return "the " + scheme + " password hash has an empty salt or a hash that is not " + HASH_BITS / 8 + " bytes";
            }
        } catch (IllegalArgumentException e) {
            return "the " + scheme + " password hash has a field that is not a number or base64";
        }
        return null;
    }

    /** Generates a random secret of {@code bytes} bytes, URL-safe base64 without padding. */
    public String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    private static int base64Length(int bytes) {
        return (bytes * 8 + 5) / 6;
    }

    /** Keeps a scheme from a tampered file short in log lines. */
    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }

    private static byte[] sha256(byte[] salt, char[] secret) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
