package io.dishtayantra.runtime.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneSecurityTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;
    static TestHttp anonymous;
    static String adminPassword;

    @BeforeAll
    static void startServer() {
        runtime = new TestRuntime(dataDirectory);
        anonymous = runtime.anonymous;
        adminPassword = runtime.server.bean(UserStore.class).generatedAdminPassword().orElseThrow();
    }

    @AfterAll
    static void stopServer() {
        runtime.close();
    }

    static TestHttp login(String user, String password) {
        TestHttp.Reply reply = anonymous.post("/api/v1/session", Map.of("username", user, "password", password));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String cookie = reply.header("Set-Cookie");
        String csrf = reply.json().get("csrfToken").asText();
        return anonymous.with("Cookie", cookie.substring(0, cookie.indexOf(';'))).with(SessionStore.CSRF_HEADER, csrf);
    }

    @Test
    void firstRunStoresOnlyHashOfGeneratedPassword() throws Exception {
        String file = Files.readString(dataDirectory.resolve(UserStore.FILE_NAME));
        assertThat(file).contains("\"admin\"");
        assertThat(file).contains("sha256$").doesNotContain("pbkdf2-sha256$");
        assertThat(file).doesNotContain(adminPassword);
    }

    @Test
    void loginWithWrongPasswordIsRejected() {
        TestHttp.Reply reply = anonymous.post("/api/v1/session", Map.of("username", "admin", "password", "wrong-password"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrict() {
        TestHttp.Reply reply = anonymous.post("/api/v1/session", Map.of("username", "admin", "password", adminPassword));
        String cookie = reply.header("Set-Cookie");
        assertThat(cookie).startsWith(SessionStore.COOKIE + "=");
        assertThat(cookie).containsIgnoringCase("HttpOnly");
        assertThat(cookie).containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void sessionReturnsCallerAndCsrfToken() {
        JsonNode session = login("admin", adminPassword).get("/api/v1/session").json();
        assertThat(session.get("user").asText()).isEqualTo("admin");
        assertThat(session.get("role").asText()).isEqualTo("admin");
        assertThat(session.get("csrfToken").asText()).isNotBlank();
    }

    @Test
    void mutatingRequestWithoutCsrfHeaderIsForbidden() {
        TestHttp.Reply login = anonymous.post("/api/v1/session", Map.of("username", "admin", "password", adminPassword));
        String cookie = login.header("Set-Cookie");
        TestHttp cookieOnly = anonymous.with("Cookie", cookie.substring(0, cookie.indexOf(';')));
        TestHttp.Reply reply = cookieOnly.post("/api/v1/tokens", Map.of("name", "ci", "role", "viewer"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("message").asText()).contains(SessionStore.CSRF_HEADER);
    }

    @Test
    void apiTokenAuthenticatesWithItsRole() {
        TestHttp admin = login("admin", adminPassword);
        TestHttp.Reply created = admin.post("/api/v1/tokens", Map.of("name", "dashboards", "role", "viewer"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(token).startsWith(UserStore.TOKEN_PREFIX);

        TestHttp viewer = anonymous.bearer(token);
        assertThat(viewer.get("/api/v1/session").json().get("role").asText()).isEqualTo("viewer");
        assertThat(viewer.get("/api/v1/logs").status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/tokens", Map.of("name", "x", "role", "admin")).status()).isEqualTo(403);
    }

    @Test
    void revokedTokenIsRejected() {
        TestHttp admin = login("admin", adminPassword);
        JsonNode created = admin.post("/api/v1/tokens", Map.of("name", "short-lived", "role", "admin")).json();
        assertThat(admin.delete("/api/v1/tokens/" + created.get("id").asText()).status()).isEqualTo(204);
        assertThat(anonymous.bearer(created.get("token").asText()).get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    void tokenListHasNoHashes() {
        TestHttp admin = login("admin", adminPassword);
        admin.post("/api/v1/tokens", Map.of("name", "listed", "role", "viewer"));
        String body = admin.get("/api/v1/tokens").body();
        assertThat(body).contains("listed");
        assertThat(body).doesNotContain("tokenHash");
    }

    @Test
    void viewerUserCanReadButNotAdminister() {
        TestHttp admin = login("admin", adminPassword);
        assertThat(admin.put("/api/v1/users/vera", Map.of("role", "viewer", "password", "a-long-viewer-password")).status()).isEqualTo(200);
        TestHttp vera = login("vera", "a-long-viewer-password");
        assertThat(vera.get("/api/v1/session").status()).isEqualTo(200);
        assertThat(vera.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void shortPasswordIsRejected() {
        TestHttp admin = login("admin", adminPassword);
        TestHttp.Reply reply = admin.put("/api/v1/users/sam", Map.of("role", "viewer", "password", "short"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("at least 12 characters");
    }

    @Test
    void lastAdminCannotBeRemoved() {
        TestHttp admin = login("admin", adminPassword);
        assertThat(admin.delete("/api/v1/users/admin").status()).isEqualTo(409);
    }

    @Test
    void requestWithoutCredentialsIsUnauthenticated() {
        for (String path : new String[] {"/api/v1/session", "/api/v1/logs", "/api/v1/tokens", "/api/v1/users"}) {
            TestHttp.Reply reply = anonymous.get(path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.json().get("error").asText()).as(path).isEqualTo("unauthenticated");
        }
    }

    @Test
    void logoutEndsSession() {
        TestHttp admin = login("admin", adminPassword);
        assertThat(admin.delete("/api/v1/session").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    void badJsonBodyIsBadRequest() {
        TestHttp.Reply reply = anonymous.send("POST", "/api/v1/session", "{not json", "application/json");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().has("error")).isTrue();
        assertThat(reply.json().has("message")).isTrue();
    }

    @Test
    void responsesCarrySecurityHeaders() {
        TestHttp.Reply reply = anonymous.get("/api/v1/info");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.json().get("mode").asText()).isEqualTo("standalone");
    }

    @Test
    void sessionCookieIsSecureBehindHttpsProxy() {
        TestHttp.Reply reply = anonymous.with("X-Forwarded-Proto", "https")
                .post("/api/v1/session", Map.of("username", "admin", "password", adminPassword));
        assertThat(reply.header("Set-Cookie")).containsIgnoringCase("Secure");
    }

    @Test
    void unknownUserIsRejectedLikeWrongPassword() {
        TestHttp.Reply reply = anonymous.post("/api/v1/session", Map.of("username", "nobody", "password", "whatever-password"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("message").asText()).isEqualTo("Wrong user name or password.");
    }
}
