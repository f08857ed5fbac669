package io.dishtayantra.runtime.http.dashboard;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.net.URI;

/**
 * Sends browsers from the root to the dashboard. The pages themselves are static files under
 * {@code src/main/resources/dashboard}, served at {@code /ui/}; they read everything else from the API.
 */
@Controller
public class DashboardController {

    private static final URI HOME = URI.create("/ui/index.html");

    @Get
    public HttpResponse<Void> root() {
        return HttpResponse.seeOther(HOME);
    }

    @Get("/ui")
    public HttpResponse<Void> ui() {
        return HttpResponse.seeOther(HOME);
    }

    @Get("/ui/")
    public HttpResponse<Void> uiFolder() {
        return HttpResponse.seeOther(HOME);
    }
}
