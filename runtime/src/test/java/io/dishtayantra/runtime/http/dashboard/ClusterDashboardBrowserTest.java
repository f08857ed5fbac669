package io.dishtayantra.runtime.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.RuntimeHttpServer;
import io.dishtayantra.runtime.http.TestRuntime;
import io.dishtayantra.runtime.http.health.LoadingState;
import io.dishtayantra.runtime.http.security.KubernetesReviews;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

@EnableKubernetesMockClient(crud = true)
class ClusterDashboardBrowserTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    static Path dataDirectory;

    static final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(2)));
    static RuntimeHttpServer runtime;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        new KubernetesReviews().install(server);
        LoadingState loading = new LoadingState();
        runtime = RuntimeHttpServer.start(new HttpSettings("127.0.0.1", 0, HttpSettings.Mode.CLUSTER, dataDirectory, "team-a", null),
                engine, loading, client);
        engine.deploy(TestRuntime.dag(TestRuntime.chain("visible")), Path.of(".")).start();
        loading.markLoaded();
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        runtime.close();
        engine.shutdown();
    }

    @Test
    void tokenLoginShowsDagWithoutActions() throws Exception {
        browser.driver.get(runtime.uri().resolve("/ui/login.html?next=/ui/dag.html?name=visible").toString());
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.driver.findElement(By.id("password-form")).isDisplayed()).isFalse();

        browser.driver.findElement(By.id("token")).sendKeys("not-a-token");
        browser.driver.findElement(By.id("login-token")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "did not accept"));

        browser.driver.findElement(By.id("token")).clear();
        browser.driver.findElement(By.id("token")).sendKeys(KubernetesReviews.CAROL_TOKEN);
        browser.driver.findElement(By.id("login-token")).click();
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#graph g.node"), 3));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "carol"));
        assertThat(browser.driver.findElement(By.id("cluster-note")).getText()).contains("kubectl patch dag visible");
        assertThat(browser.driver.findElements(By.cssSelector("#actions button"))).isEmpty();
        browser.screenshot("cluster-dag-page");
    }
}
