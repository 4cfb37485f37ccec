package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pods' shutdown agrees with the services': the chart hands Quarkus its shutdown delay and timeout, and the
 * kubelet's grace period covers the preStop sleep, the delay and the timeout, on every render.
 */
class ShutdownTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.romeojuliet.chart.RenderInvariantsTest#rendersToCheck")
    void theGracePeriodCoversTheWholeDrain(Path values) {
        for (Chart.PodView pod : Chart.render(values).pods()) {
            if (pod.owner().startsWith("Pod/")) {
                continue;
            }
            String app = pod.spec().path("containers").get(0).path("name").asText();
            long delay = seconds(pod.env(app, "QUARKUS_SHUTDOWN_DELAY"));
            long timeout = seconds(pod.env(app, "QUARKUS_SHUTDOWN_TIMEOUT"));
            long sleep = pod.container(app).path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
            assertThat(pod.spec().path("terminationGracePeriodSeconds").asLong())
                    .as(pod.owner() + ": grace period against preStop sleep + shutdown delay + timeout")
                    .isGreaterThanOrEqualTo(sleep + delay + timeout);
        }
    }

    @Test
    void theShutdownValuesReachQuarkusAndThePreStopHook() {
        Chart.Rendered r = Chart.render(Map.of(
                "juliet.shutdown.delaySeconds", 7, "juliet.shutdown.timeoutSeconds", 30,
                "juliet.shutdown.preStopSleepSeconds", 3, "juliet.terminationGracePeriodSeconds", 45));
        Chart.PodView juliet = r.pod("Deployment/juliet-v1");
        assertThat(juliet.env("juliet", "QUARKUS_SHUTDOWN_DELAY")).isEqualTo("7s");
        assertThat(juliet.env("juliet", "QUARKUS_SHUTDOWN_TIMEOUT")).isEqualTo("30s");
        assertThat(juliet.container("juliet").path("lifecycle").path("preStop").path("sleep").path("seconds").asInt()).isEqualTo(3);
        assertThat(juliet.spec().path("terminationGracePeriodSeconds").asInt()).isEqualTo(45);

        Chart.PodView romeo = Chart.render().pod("Deployment/romeo");
        assertThat(romeo.env("romeo", "QUARKUS_SHUTDOWN_DELAY")).isEqualTo("5s");
        assertThat(romeo.container("romeo").has("lifecycle")).as("no preStop sleep by default: Quarkus' delay does the wait").isFalse();
    }

    @Test
    void anExplicitLifecycleReplacesThePreStopSleep() {
        JsonNode lifecycle = Chart.render(Map.of(
                        "romeo.shutdown.preStopSleepSeconds", 2, "romeo.terminationGracePeriodSeconds", 40,
                        "romeo.lifecycle.preStop.exec.command[0]", "/bin/drain"))
                .pod("Deployment/romeo").container("romeo").path("lifecycle");
        assertThat(lifecycle.path("preStop").path("exec").path("command").get(0).asText()).isEqualTo("/bin/drain");
        assertThat(lifecycle.path("preStop").has("sleep")).isFalse();
    }

    private static long seconds(String duration) {
        assertThat(duration).as("a Quarkus duration in seconds").matches("\\d+s");
        return Long.parseLong(duration.substring(0, duration.length() - 1));
    }
}
