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
    @Order(10)
    void monitoringPageShowsSystem() throws Exception {
        browser.driver.get(url("/ui/monitoring.html"));
        browser.wait.until(ExpectedConditions.textMatches(By.id("cpu-usage"), java.util.regex.Pattern.compile("%")));
        assertThat(browser.driver.findElements(By.cssSelector("#disks tbody tr"))).isNotEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#process")).getText()).contains("PID");
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
