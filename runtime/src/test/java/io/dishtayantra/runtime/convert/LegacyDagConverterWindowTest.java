package io.dishtayantra.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.engine.EngineServices;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The window part of converting the original's DAGs. */
class LegacyDagConverterWindowTest {

    private static final EngineServices SERVICES = EngineServices.fromClassPath();
    private final LegacyDagConverter converter = new LegacyDagConverter(
            new RuntimeCatalog(SERVICES.calculators(), SERVICES.connectors()), false);

    private static JsonNode original(String file) throws Exception {
        try (InputStream in = LegacyDagConverterWindowTest.class.getResourceAsStream("/original-dags/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void sessionWindowIsConverted() throws Exception {
        Conversion conversion = converter.convert(original("us_equities_session.json"));

        JsonNode window = conversion.manifest().path("spec").path("timeWindow");
        assertThat(window.path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(window.path("start").asText()).isEqualTo("09:30");
        assertThat(window.path("duration").asText()).isEqualTo("6h30m");
        assertThat(window.path("days")).extracting(JsonNode::asText)
                .containsExactly("Mon", "Tue", "Wed", "Thu", "Fri");
        assertThat(window.has("excludeDates")).isFalse();
    }

    @Test
    void holidayCalendarsAndAutocloneAreListed() throws Exception {
        Conversion conversion = converter.convert(original("us_equities_session.json"));

        assertThat(conversion.notConverted()).anySatisfy(line ->
                assertThat(line).startsWith("schedule.holiday_calendars").contains("excludeDates"));
        assertThat(conversion.notConverted()).anySatisfy(line -> assertThat(line).startsWith("autoclone"));
        assertThat(conversion.notConverted()).noneSatisfy(line -> assertThat(line).startsWith("start_time"));
    }

    @Test
    void dagWithoutStartTimeHasNoWindow() throws Exception {
        Conversion conversion = converter.convert(original("risk_sink.json"));

        assertThat(conversion.manifest().path("spec").has("timeWindow")).isFalse();
    }
}
