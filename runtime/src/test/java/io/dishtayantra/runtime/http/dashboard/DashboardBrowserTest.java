package io.dishtayantra.runtime.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.http.TestRuntime;
import io.dishtayantra.runtime.http.security.UserStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;
    static Browser browser;
    static String adminPassword;

    @BeforeAll
    static void start() throws Exception {
        runtime = new TestRuntime(dataDirectory);
        runtime.start(TestRuntime.chain("payments"));
        runtime.start(TestRuntime.chain("quotes"));
        runtime.loading.markLoaded();
        adminPassword = runtime.server.bean(UserStore.class).generatedAdminPassword().orElseThrow();
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        runtime.close();
    }

    private static String url(String path) {
        return runtime.server.uri().resolve(path).toString();
    }

    @Test
    @Order(1)
    void wrongPasswordShowsError() throws Exception {
        browser.driver.get(url("/ui/index.html"));
        browser.wait.until(ExpectedConditions.urlContains("/ui/login.html"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        browser.driver.findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver.findElement(By.id("login")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Wrong user name or password"));
        browser.screenshot("login-failed");
    }

    @Test
    @Order(2)
    void loginOpensDagList() throws Exception {
        browser.driver.get(url("/ui/login.html?next=/ui/index.html"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        browser.driver.findElement(By.id("password")).sendKeys(adminPassword);
        browser.driver.findElement(By.id("login")).click();
        browser.wait.until(ExpectedConditions.urlContains("/ui/index.html"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "admin (admin, standalone)"));
        browser.screenshot("dag-list");
    }

    @Test
    @Order(3)
    void dagListShowsStatesAndSuspends() throws Exception {
        browser.driver.get(url("/ui/index.html"));
        By paymentsState = By.cssSelector("tr[data-dag='payments'] .dag-state");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(paymentsState, "RUNNING"));
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-dag='quotes'] .dag-state")).getText()).isEqualTo("RUNNING");
        browser.screenshot("dag-list-running");

        browser.driver.findElement(By.cssSelector("button[data-action='suspend'][data-dag='payments']")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(paymentsState, "SUSPENDED"));
        assertThat(runtime.engine.get("payments").orElseThrow().state().name()).isEqualTo("SUSPENDED");
        browser.screenshot("dag-list-suspended");

        browser.driver.findElement(By.cssSelector("button[data-action='resume'][data-dag='payments']")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(paymentsState, "RUNNING"));
    }

    @Test
    @Order(4)
    void dagPageDrawsGraphAndSuspends() throws Exception {
        browser.driver.get(url("/ui/dag.html?name=quotes"));
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#graph g.node"), 3));
        assertThat(browser.driver.findElements(By.cssSelector("#graph path.edge"))).hasSize(2);
        assertThat(browser.driver.findElement(By.cssSelector("#graph g.node[data-node='add'] text.counters")).getText()).startsWith("in ");
        browser.screenshot("dag-page");

        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#actions button[data-action='suspend']"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dag-state"), "SUSPENDED"));
        assertThat(runtime.engine.get("quotes").orElseThrow().state().name()).isEqualTo("SUSPENDED");
        browser.screenshot("dag-page-suspended");
        browser.driver.findElement(By.cssSelector("#actions button[data-action='resume']")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dag-state"), "RUNNING"));
    }

    @Test
    @Order(5)
    void dagPageSendsEventAndShowsCounters() throws Exception {
        browser.driver.get(url("/ui/dag.html?name=quotes"));
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#graph g.node"), 3));
        browser.driver.findElement(By.cssSelector("#nodes tr[data-node='ingest'] a")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event")));
        browser.driver.findElement(By.id("event")).clear();
        browser.driver.findElement(By.id("event")).sendKeys("{\"a\": 20, \"b\": 22}");
        browser.driver.findElement(By.id("send-event")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Event sent to ingest"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#graph g.node[data-node='add'] text.counters"), "out 1"));
        browser.driver.findElement(By.cssSelector("#nodes tr[data-node='add'] a")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-outputs"), "\"total\":42"));
        browser.screenshot("dag-page-event");
    }

    @Test
    @Order(7)
    void failingNodeTurnsRedWithError() throws Exception {
        runtime.admin.post("/api/v1/dags/quotes/nodes/ingest/events", java.util.Map.of("a", "not-a-number", "b", 1));
        browser.driver.get(url("/ui/dag.html?name=quotes"));
        By addNode = By.cssSelector("#graph g.node[data-node='add']");
        browser.wait.until(ExpectedConditions.attributeToBe(addNode, "data-state", "failing"));
        assertThat(browser.driver.findElement(By.cssSelector("#graph g.node[data-node='add'] rect")).getAttribute("fill"))
                .isEqualTo("#c83a3a");
        assertThat(browser.driver.findElement(By.cssSelector("#graph g.node[data-node='ingest'] rect")).getAttribute("fill"))
                .isEqualTo("#2e9e5b");
        browser.driver.findElement(By.cssSelector("#nodes tr[data-node='add'] a")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-errors"), "not a number"));
        browser.screenshot("dag-page-failing-node");
    }

    @Test
    @Order(6)
    void addFormReportsEveryProblem() throws Exception {
        browser.driver.get(url("/ui/index.html"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("manifest")));
        String broken = TestRuntime.chain("broken").replace("calculator: sum}", "calculator: nothing}");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById('manifest').value = arguments[0];", broken);
        browser.driver.findElement(By.id("add")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "spec.nodes[1].calculator"));
        browser.screenshot("add-invalid");

        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById('manifest').value = arguments[0];", TestRuntime.chain("uploaded"));
        browser.driver.findElement(By.id("add")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-dag='uploaded'] .dag-state"), "RUNNING"));
    }

    @Test
    @Order(10)
    void monitoringPageShowsSystem() throws Exception {
        browser.driver.get(url("/ui/monitoring.html"));
        browser.wait.until(ExpectedConditions.textMatches(By.id("cpu-usage"), java.util.regex.Pattern.compile("%")));
        assertThat(browser.driver.findElements(By.cssSelector("#disks tbody tr"))).isNotEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#process")).getText()).contains("PID");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dag-states"), "RUNNING"));
        assertThat(browser.driver.findElement(By.id("kinds")).getText()).contains("Addition");
        browser.screenshot("monitoring");
    }

    @Test
    @Order(11)
    void logsPageFiltersBySearch() throws Exception {
        browser.driver.get(url("/ui/logs.html"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("logs"), "logged in"));
        browser.driver.findElement(By.id("search")).sendKeys("logged in");
        browser.wait.until(driver -> driver.findElements(By.cssSelector("#logs tbody tr")).stream()
                .allMatch(row -> row.getText().contains("logged in")));
        browser.screenshot("logs");
    }

    @Test
    @Order(20)
    void logoutReturnsToLogin() throws Exception {
        browser.driver.get(url("/ui/index.html"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        browser.wait.until(ExpectedConditions.urlContains("/ui/login.html"));
        browser.driver.get(url("/ui/monitoring.html"));
        browser.wait.until(ExpectedConditions.urlContains("/ui/login.html"));
    }
}
