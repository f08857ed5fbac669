package io.dishtayantra.charts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The logback.xml the chart writes loads in Logback with the level and format from the values. */
class OperatorLoggingTest {

    @ParameterizedTest
    @CsvSource({"json, DEBUG", "text, WARN"})
    void logbackConfigurationLoads(String format, String level) throws JoranException {
        ConfigMap config = OperatorDeploymentTest.only(HelmChart.templateAsObjects(Map.of("operator", Map.of(
                "logging", Map.of("format", format, "level", level)))), ConfigMap.class, HelmChart.FULLNAME + "-config");
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);

        configurator.doConfigure(new ByteArrayInputStream(
                config.getData().get("logback.xml").getBytes(StandardCharsets.UTF_8)));

        assertThat(context.getStatusManager().getCopyOfStatusList())
                .as("Logback errors").noneMatch(status -> status.getLevel() >= Status.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.toLevel(level));
        Encoder<?> encoder = ((ConsoleAppender<?>) root.getAppender("STDOUT")).getEncoder();
        assertThat(encoder instanceof JsonEncoder).as("JSON encoder for format " + format).isEqualTo(format.equals("json"));
        context.stop();
    }
}
