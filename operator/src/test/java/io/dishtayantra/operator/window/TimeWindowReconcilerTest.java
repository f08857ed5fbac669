package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static io.dishtayantra.operator.window.WindowFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the TimeWindow controller in a real operator against the CRUD mock. Each test shifts the
 * operator's clock to a few seconds before 08:00 London time on Monday 7 December 2026, so the
 * window opens a few seconds later in real time.
 */
@EnableKubernetesMockClient(crud = true)
class TimeWindowReconcilerTest {

    static KubernetesClient client;

    private static final ShiftedClock CLOCK = new ShiftedClock();

    private static Operator operator;

    @BeforeAll
    static void startOperator() {
        operator = new Operator(overrider -> overrider
                .withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withReconciliationTerminationTimeout(Duration.ofSeconds(1))
                .withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new TimeWindowReconciler(CLOCK), configuration -> configuration.watchingAllNamespaces());
        operator.start();
    }

    @BeforeEach
    void shiftClockBeforeOpening() {
        CLOCK.setNow(ZonedDateTime.of(LocalDateTime.parse("2026-12-07T07:59:58.500"), WindowFixtures.LONDON)
                .toInstant());
    }

    @AfterAll
    static void stopOperator() {
        operator.stop();
    }

    private static TimeWindow timeWindow(String namespace, TimeWindowSpec spec) {
        TimeWindow window = new TimeWindow();
        window.setMetadata(new ObjectMetaBuilder().withName("london-session").withNamespace(namespace).build());
        window.setSpec(spec);
        return window;
    }

    private static TimeWindow get(String namespace) {
        return client.resources(TimeWindow.class).inNamespace(namespace).withName("london-session").get();
    }

    /** Returns the status, or an empty one before the first reconciliation, so that awaits retry instead of failing. */
    private static TimeWindowStatus status(String namespace) {
        TimeWindowStatus status = get(namespace).getStatus();
        return status == null ? new TimeWindowStatus() : status;
    }

    @Test
    void statusFollowsWindowOpening() {
        CLOCK.setNow(ZonedDateTime.of(LocalDateTime.parse("2026-12-07T07:59:55"), WindowFixtures.LONDON).toInstant());
        client.resources(TimeWindow.class).inNamespace("opening").resource(timeWindow("opening", londonSession()))
                .create();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status("opening").getState()).isEqualTo("Before"));
        assertThat(status("opening").getNextTransition()).isEqualTo("2026-12-07T08:00:00Z");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status("opening").getState()).isEqualTo("Active"));

        TimeWindow window = get("opening");
        assertThat(window.getStatus().getNextTransition()).isEqualTo("2026-12-07T16:30:00Z");
        assertThat(window.getStatus().getConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getType()).isEqualTo("Valid");
            assertThat(condition.getStatus()).isEqualTo("True");
            assertThat(condition.getLastTransitionTime()).isNotNull();
        });
    }

    @Test
    void countsReferencingDags() {
        client.resources(TimeWindow.class).inNamespace("count").resource(timeWindow("count", londonSession()))
                .create();
        client.resources(Dag.class).inNamespace("count").resource(template("count", "quotes")).create();
        client.resources(Dag.class).inNamespace("count").resource(template("count", "trades")).create();
        Dag other = template("count", "risk");
        other.getSpec().setTimeWindowRef("new-york-session");
        client.resources(Dag.class).inNamespace("count").resource(other).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status("count").getDags()).isEqualTo(2));

        client.resources(Dag.class).inNamespace("count").withName("quotes").delete();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status("count").getDags()).isEqualTo(1));
    }

    @Test
    void editUpdatesNextTransition() {
        client.resources(TimeWindow.class).inNamespace("edit").resource(timeWindow("edit", londonSession())).create();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status("edit").getState()).isEqualTo("Active"));

        client.resources(TimeWindow.class).inNamespace("edit").withName("london-session").edit(window -> {
            window.getSpec().setStart("12:00");
            return window;
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(status("edit").getState()).isEqualTo("Before");
            assertThat(status("edit").getNextTransition()).isEqualTo("2026-12-07T12:00:00Z");
        });
    }

    @Test
    void invalidSpecIsCondition() {
        TimeWindowSpec spec = londonSession();
        spec.setTimeZone("GMT+25");
        client.resources(TimeWindow.class).inNamespace("invalid").resource(timeWindow("invalid", spec)).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status("invalid").getConditions()).singleElement().satisfies(condition -> {
                    assertThat(condition.getStatus()).isEqualTo("False");
                    assertThat(condition.getMessage()).contains("spec.timeZone (GMT+25)");
                }));
    }
}
