package io.dishtayantra.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void defaultsToStandaloneWithLocalDataFolder() {
        HttpSettings settings = HttpSettings.fromEnvironment("127.0.0.1", 8080, Map.of());
        assertThat(settings.mode()).isEqualTo(HttpSettings.Mode.STANDALONE);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of(".dishtayantra"));
        assertThat(settings.logFile()).isNull();
    }

    @Test
    void clusterModeFromEnvironment() {
        HttpSettings settings = HttpSettings.fromEnvironment(null, 8080,
                Map.of(HttpSettings.MODE_VARIABLE, "cluster", "POD_NAMESPACE", "team-a", "KUBERNETES_SERVICE_HOST", "10.0.0.1"));
        assertThat(settings.cluster()).isTrue();
        assertThat(settings.namespace()).isEqualTo("team-a");
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void explicitBindAddressWins() {
        HttpSettings settings = HttpSettings.fromEnvironment("192.0.2.10", 9090, Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"));
        assertThat(settings.bindAddress()).isEqualTo("192.0.2.10");
        assertThat(settings.port()).isEqualTo(9090);
    }

    @Test
    void dataFolderAndLogFileFromEnvironment() {
        HttpSettings settings = HttpSettings.fromEnvironment("127.0.0.1", 8080,
                Map.of(HttpSettings.DATA_DIR_VARIABLE, "/var/lib/dy", HttpSettings.LOG_FILE_VARIABLE, "/var/log/dy.log"));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/lib/dy"));
        assertThat(settings.logFile()).isEqualTo(Path.of("/var/log/dy.log"));
    }
}
