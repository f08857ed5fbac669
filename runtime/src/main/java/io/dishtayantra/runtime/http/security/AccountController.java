package io.dishtayantra.runtime.http.security;

import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.api.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;

/** Users and API tokens of a standalone runtime (admin only). In a cluster, RBAC replaces both. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountController {

    private final Optional<UserStore> users;
    private final HttpSettings settings;

    /** A user to store: the role and a new password. */
    public record UserRequest(String role, String password) {
    }

    /** A token to create: what it is for and the role it grants. */
    public record TokenRequest(String name, String role) {
    }

    public AccountController(Optional<UserStore> users, HttpSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Get("/users")
    public List<UserStore.UserView> users() {
        return store().users();
    }

    /** Adds a user or changes the role and password of one. */
    @Put("/users/{name}")
    public HttpResponse<UserStore.UserView> putUser(String name, @Body UserRequest request) {
        Role role = role(request == null ? null : request.role());
        try {
            store().putUser(name, role, request.password() == null ? null : request.password().toCharArray());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return HttpResponse.ok(new UserStore.UserView(name, role.label()));
    }

    @Delete("/users/{name}")
    public HttpResponse<Void> deleteUser(String name) {
        try {
            if (!store().removeUser(name)) {
                throw ApiException.notFound("User", name);
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", e.getMessage());
        }
        return HttpResponse.noContent();
    }

    @Get("/tokens")
    public List<UserStore.TokenView> tokens() {
        return store().tokens();
    }

    /** Creates a token. The response contains its secret, which is shown only this once. */
    @Post("/tokens")
    public HttpResponse<UserStore.IssuedToken> createToken(@Body TokenRequest request) {
        if (request == null || request.name() == null) {
            throw ApiException.badRequest("Field 'name' is missing; give the token a name such as ci-pipeline.");
        }
        Role role = role(request.role());
        try {
            return HttpResponse.created(store().createToken(request.name(), role));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @Delete("/tokens/{id}")
    public HttpResponse<Void> revokeToken(String id) {
        if (!store().revokeToken(id)) {
            throw ApiException.notFound("API token", id);
        }
        return HttpResponse.noContent();
    }

    private UserStore store() {
        if (settings.cluster()) {
            throw new ApiException(HttpStatus.CONFLICT, "not_supported",
                    "In a cluster, users and tokens come from Kubernetes; grant access with an RBAC Role on dags.dishtayantra.io.");
        }
        return users.orElseThrow();
    }

    private static Role role(String text) {
        if (text == null) {
            throw ApiException.badRequest("Field 'role' is missing; use admin or viewer.");
        }
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
