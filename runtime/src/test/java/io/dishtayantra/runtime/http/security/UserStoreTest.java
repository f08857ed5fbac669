package io.dishtayantra.runtime.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class UserStoreTest {

    /** users.json as the runtime wrote it before generated passwords got their own scheme. The admin password is "correct-horse-battery". */
    private static final String OLD_USERS_FILE = """
            {
              "users" : [ {
                "name" : "admin",
                "role" : "admin",
                "passwordHash" : "pbkdf2-sha256$600000$q83vASNFZ4mrze8BI0VniQ==$BoicjAUxFGFrTClif8vvBaY1P25z53sDxN53190WfrM="
              } ],
              "tokens" : [ ]
            }
            """;

    @TempDir
    Path dataDirectory;

    private final PasswordHasher hasher = new PasswordHasher();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger storeLogger = (Logger) LoggerFactory.getLogger(UserStore.class);

    @BeforeEach
    void captureLog() {
        log.start();
        storeLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        storeLogger.detachAppender(log);
    }

    @Test
    void firstRunStoresGeneratedPasswordAsSha256() throws Exception {
        UserStore store = new UserStore(dataDirectory, hasher);
        String password = store.generatedAdminPassword().orElseThrow();

        assertThat(passwordHash("admin")).startsWith("sha256$");
        assertThat(Files.readString(store.file())).doesNotContain(password);
        assertThat(store.authenticate("admin", password.toCharArray())).map(Caller::role).contains(Role.ADMIN);
        assertThat(store.authenticate("admin", "wrong-password".toCharArray())).isEmpty();
    }

    @Test
    void chosenPasswordIsStoredWithPbkdf2() throws Exception {
        UserStore store = new UserStore(dataDirectory, hasher);
        store.putUser("vera", Role.VIEWER, "a-long-viewer-password".toCharArray());

        assertThat(passwordHash("vera")).startsWith("pbkdf2-sha256$600000$");
        assertThat(store.authenticate("vera", "a-long-viewer-password".toCharArray())).map(Caller::role).contains(Role.VIEWER);
    }

    @Test
    void changedAdminPasswordIsStoredWithPbkdf2() throws Exception {
        UserStore store = new UserStore(dataDirectory, hasher);
        String generated = store.generatedAdminPassword().orElseThrow();
        store.putUser("admin", Role.ADMIN, "an-admin-chosen-password".toCharArray());

        assertThat(passwordHash("admin")).startsWith("pbkdf2-sha256$");
        assertThat(store.authenticate("admin", "an-admin-chosen-password".toCharArray())).isPresent();
        assertThat(store.authenticate("admin", generated.toCharArray())).isEmpty();
    }

    @Test
    void oldUsersFileStillAuthenticates() throws Exception {
        Files.writeString(dataDirectory.resolve(UserStore.FILE_NAME), OLD_USERS_FILE);

        UserStore store = new UserStore(dataDirectory, hasher);

        assertThat(store.generatedAdminPassword()).isEmpty();
        assertThat(store.authenticate("admin", "correct-horse-battery".toCharArray())).map(Caller::name).contains("admin");
        assertThat(store.authenticate("admin", "correct-horse-batterY".toCharArray())).isEmpty();
        assertThat(errors()).isEmpty();
    }

    @Test
    void unknownSchemeIsLoggedAndRejected() throws Exception {
        String chosen = hasher.hash("a-long-viewer-password".toCharArray());
        Files.writeString(dataDirectory.resolve(UserStore.FILE_NAME), """
                {"users": [
                  {"name": "admin", "role": "admin", "passwordHash": "md5$5f4dcc3b5aa765d61d8327deb882cf99"},
                  {"name": "vera", "role": "viewer", "passwordHash": "%s"}
                ], "tokens": []}
                """.formatted(chosen));

        UserStore store = new UserStore(dataDirectory, hasher);

        assertThat(store.authenticate("admin", "password".toCharArray())).isEmpty();
        assertThat(store.authenticate("vera", "a-long-viewer-password".toCharArray())).isPresent();
        List<String> errors = errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst())
                .contains("User 'admin'")
                .contains(store.file().toString())
                .contains("unknown scheme 'md5'")
                .contains("PUT /api/v1/users/admin");
    }

    @Test
    void tamperedSha256HashIsLoggedAndRejected() throws Exception {
        UserStore first = new UserStore(dataDirectory, hasher);
        String password = first.generatedAdminPassword().orElseThrow();
        Path file = first.file();
        String stored = passwordHash("admin");
        Files.writeString(file, Files.readString(file).replace(stored, stored.substring(0, stored.length() - 8)));

        UserStore store = new UserStore(dataDirectory, hasher);

        assertThat(store.authenticate("admin", password.toCharArray())).isEmpty();
        assertThat(errors()).singleElement().asString().contains("User 'admin'").contains(file.toString()).contains("sha256");
    }

    private List<String> errors() {
        return log.list.stream().filter(event -> event.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private String passwordHash(String user) throws Exception {
        JsonNode users = new ObjectMapper().readTree(dataDirectory.resolve(UserStore.FILE_NAME).toFile()).get("users");
        for (JsonNode node : users) {
            if (node.get("name").asText().equals(user)) {
                return node.get("passwordHash").asText();
            }
        }
        throw new AssertionError("No user " + user + " in " + users);
    }
}
