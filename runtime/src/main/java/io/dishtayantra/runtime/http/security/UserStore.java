package io.dishtayantra.runtime.http.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users and API tokens of a standalone runtime, kept in {@code users.json} under the data folder.
 * Only salted password hashes and SHA-256 hashes of tokens are stored. On first use the store
 * creates an {@code admin} user with a random 120-bit password, which {@link #generatedAdminPassword()}
 * returns once so that the CLI can print it. That password is stored as salted SHA-256 and every
 * password set through {@link #putUser} with PBKDF2; {@link PasswordHasher} explains why.
 *
 * <p>Thread-safe: every change rewrites the file atomically under the store's lock.
 */
public final class UserStore {

    /** Name of the file under the data folder. */
    public static final String FILE_NAME = "users.json";

    /** Prefix of every API token, so that a token is recognisable in a leak scan. */
    public static final String TOKEN_PREFIX = "dyt_";

    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final PasswordHasher hasher;
    private final String generatedAdminPassword;
    private Contents contents;

    /** One user: name, role and password hash in one of {@link PasswordHasher}'s schemes. */
    public record User(String name, String role, String passwordHash) {
    }

    /** One API token: an id to revoke it by, a description, the role it grants and its SHA-256. */
    public record Token(String id, String name, String role, String tokenHash, String created) {
    }

    /** The file's contents. */
    public record Contents(List<User> users, List<Token> tokens) {
        public Contents {
            users = users == null ? List.of() : List.copyOf(users);
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }
    }

    /**
     * Opens the store in a data folder, creating the folder, the file and the first admin user
     * when they do not exist.
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public UserStore(Path dataDirectory, PasswordHasher hasher) {
        this.file = dataDirectory.resolve(FILE_NAME);
        this.hasher = hasher;
        try {
            Files.createDirectories(dataDirectory);
            if (Files.exists(file)) {
                contents = JSON.readValue(file.toFile(), Contents.class);
                generatedAdminPassword = null;
                reportUnusableHashes();
            } else {
                String password = hasher.randomSecret(PasswordHasher.MIN_GENERATED_SECRET_BYTES);
                contents = new Contents(List.of(new User("admin", Role.ADMIN.label(), hasher.hashGeneratedSecret(password))), List.of());
                write();
                generatedAdminPassword = password;
                LOG.info("Created {} with user admin", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the users file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the admin password created by this instance, or empty when the users file already existed. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    /** Returns the users file. */
    public Path file() {
        return file;
    }

    /** Checks a user name and password; empty when either is wrong. */
    public Optional<Caller> authenticate(String name, char[] password) {
        User user;
        synchronized (this) {
            user = contents.users().stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
        }
        if (user == null) {
            // Hash anyway so that an unknown name takes as long as a wrong chosen password.
            // NOTE: a login for a user with a generated secret (sha256) fails in milliseconds,
            // so timing shows whether the generated admin password is still in use. The secret
            // itself has 120 random bits, so knowing that does not help to guess it.
            hasher.hash(password);
            return Optional.empty();
        }
        if (!hasher.matches(password, user.passwordHash())) {
            // reportUnusableHashes logged a stored hash that cannot match when the file was read.
            return Optional.empty();
        }
        return Optional.of(new Caller(user.name(), Role.parse(user.role()), "session"));
    }

    /** Checks an API token; empty when it is unknown or revoked. */
    public Optional<Caller> authenticateToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = sha256(token);
        synchronized (this) {
            return contents.tokens().stream()
                    .filter(t -> MessageDigest.isEqual(t.tokenHash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)))
                    .findFirst()
                    .map(t -> new Caller("token:" + t.name(), Role.parse(t.role()), "token"));
        }
    }

    /** A user as the API lists it: no hash. */
    public record UserView(String name, String role) {
    }

    /** A token as the API lists it: no hash. */
    public record TokenView(String id, String name, String role, String created) {
    }

    /** Lists the users, without their hashes. */
    public synchronized List<UserView> users() {
        return contents.users().stream().map(u -> new UserView(u.name(), u.role())).toList();
    }

    /** Lists the tokens, without their hashes. */
    public synchronized List<TokenView> tokens() {
        return contents.tokens().stream().map(t -> new TokenView(t.id(), t.name(), t.role(), t.created())).toList();
    }

    /**
     * Adds a user or replaces the password and role of an existing one.
     *
     * @throws IllegalArgumentException when the name is blank or the password shorter than 12 characters
     */
    public void putUser(String name, Role role, char[] password) {
        if (name == null || !name.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException("User name '" + name + "' is invalid; use 1 to 64 letters, digits, '_', '.', '@' or '-'.");
        }
        if (password == null || password.length < 12) {
            throw new IllegalArgumentException("The password of user '" + name + "' must have at least 12 characters.");
        }
        String hash = hasher.hash(password);
        synchronized (this) {
            List<User> users = new ArrayList<>(contents.users().stream().filter(u -> !u.name().equals(name)).toList());
            users.add(new User(name, role.label(), hash));
            replace(new Contents(users, contents.tokens()));
        }
        LOG.info("Stored user {} with role {}", name, role.label());
    }

    /**
     * Removes a user.
     *
     * @return false when no such user exists
     * @throws IllegalArgumentException when it is the last admin
     */
    public synchronized boolean removeUser(String name) {
        List<User> remaining = contents.users().stream().filter(u -> !u.name().equals(name)).toList();
        if (remaining.size() == contents.users().size()) {
            return false;
        }
        if (remaining.stream().noneMatch(u -> Role.ADMIN.label().equals(u.role()))) {
            throw new IllegalArgumentException("User '" + name + "' is the last admin and cannot be removed.");
        }
        replace(new Contents(remaining, contents.tokens()));
        LOG.info("Removed user {}", name);
        return true;
    }

    /**
     * Creates an API token and returns its secret text, which is not stored and cannot be shown again.
     *
     * @param name what the token is for, such as ci-pipeline
     */
    public IssuedToken createToken(String name, Role role) {
        if (name == null || !name.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException("Token name '" + name + "' is invalid; use 1 to 64 letters, digits, '_', '.', '@' or '-'.");
        }
        String id = hasher.randomSecret(6);
        String secret = TOKEN_PREFIX + hasher.randomSecret(30);
        synchronized (this) {
            List<Token> tokens = new ArrayList<>(contents.tokens());
            tokens.add(new Token(id, name, role.label(), sha256(secret), Instant.now().toString()));
            replace(new Contents(contents.users(), tokens));
        }
        LOG.info("Created API token {} ({}) with role {}", id, name, role.label());
        return new IssuedToken(id, name, role.label(), secret);
    }

    /** A token just created: the only time its secret is available. */
    public record IssuedToken(String id, String name, String role, String token) {
    }

    /** Revokes a token by id; false when no such token exists. */
    public synchronized boolean revokeToken(String id) {
        List<Token> remaining = contents.tokens().stream().filter(t -> !t.id().equals(id)).toList();
        if (remaining.size() == contents.tokens().size()) {
            return false;
        }
        replace(new Contents(contents.users(), remaining));
        LOG.info("Revoked API token {}", id);
        return true;
    }

    /**
     * Logs an error for each user whose stored hash has an unknown scheme or cannot be decoded,
     * such as after a hand edit. Such a user cannot log in, but the others still can.
     */
    private void reportUnusableHashes() {
        for (User user : contents.users()) {
            String problem = hasher.problemOf(user.passwordHash());
            if (problem != null) {
                LOG.error("User '{}' in {} cannot log in: {}. An admin can set a new password with PUT /api/v1/users/{}."
                        + " If no admin can log in, stop the runtime and delete the file: the next start creates user admin"
                        + " with a new password and no other users or tokens.", user.name(), file, problem, user.name());
            }
        }
    }

    private void replace(Contents updated) {
        Contents previous = contents;
        contents = updated;
        try {
            write();
        } catch (IOException e) {
            contents = previous;
            throw new UncheckedIOException("Cannot write the users file " + file + ": " + e.getMessage(), e);
        }
    }

    private void write() throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(temporary, JSON.writeValueAsBytes(contents));
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("The file system of {} has no POSIX permissions", temporary);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
