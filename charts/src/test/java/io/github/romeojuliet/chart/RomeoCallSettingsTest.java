package io.github.romeojuliet.chart;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * romeo.calls: how Romeo calls Juliet, passed to Romeo as the env its configuration reads. The refusals (one
 * bad-values file per rule) are in ValuesSchemaTest; this checks what gets through and where it lands.
 */
class RomeoCallSettingsTest {

    /** Env var to the property it overrides in romeo/src/main/resources/application.properties. */
    private static final Map<String, String> PROPERTIES = new LinkedHashMap<>();

    static {
        PROPERTIES.put("ROMEO_CALLS_DEADLINE", "romeo.calls.deadline");
        PROPERTIES.put("ROMEO_CALLS_RETRY_MAX_RETRIES", "romeo.calls.retry.max-retries");
        PROPERTIES.put("ROMEO_CALLS_RETRY_DELAY", "romeo.calls.retry.delay");
        PROPERTIES.put("ROMEO_CALLS_RETRY_JITTER", "romeo.calls.retry.jitter");
        PROPERTIES.put("ROMEO_CALLS_CIRCUIT_BREAKER_ENABLED", "romeo.calls.circuit-breaker.enabled");
        PROPERTIES.put("ROMEO_CALLS_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD", "romeo.calls.circuit-breaker.request-volume-threshold");
        PROPERTIES.put("ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO", "romeo.calls.circuit-breaker.failure-ratio");
        PROPERTIES.put("ROMEO_CALLS_CIRCUIT_BREAKER_DELAY", "romeo.calls.circuit-breaker.delay");
        PROPERTIES.put("QUARKUS_REST_CLIENT_JULIET_CONNECT_TIMEOUT", "quarkus.rest-client.juliet.connect-timeout");
        PROPERTIES.put("QUARKUS_REST_CLIENT_JULIET_READ_TIMEOUT", "quarkus.rest-client.juliet.read-timeout");
    }

    @Test
    void romeoIsToldTheVersionsOfTheEnabledVariants() {
        assertThat(Chart.render().pod("Deployment/romeo").env("romeo", "ROMEO_JULIET_VERSIONS")).isEqualTo("v1");
        assertThat(Chart.render(Map.of("juliet.variants.v2.enabled", true, "juliet.variants.v2.version", "2.1.0"))
                .pod("Deployment/romeo").env("romeo", "ROMEO_JULIET_VERSIONS")).isEqualTo("v1,2.1.0");
        assertThat(Chart.render(Map.of("juliet.variants.v1.enabled", false, "juliet.variants.v2.enabled", true, "abTesting.stable", "v2"))
                .pod("Deployment/romeo").env("romeo", "ROMEO_JULIET_VERSIONS")).isEqualTo("v2");
    }

    @Test
    void everySettingReachesRomeoAsTheEnvItsConfigReads() {
        Chart.PodView romeo = Chart.render(Map.of(
                "romeo.calls.deadline", "4s", "romeo.calls.connectTimeout", 300, "romeo.calls.readTimeout", 1500,
                "romeo.calls.retry.maxRetries", 0, "romeo.calls.retry.delay", "250ms", "romeo.calls.retry.jitter", "0ms",
                "romeo.calls.circuitBreaker.enabled", false, "romeo.calls.circuitBreaker.requestVolumeThreshold", 7,
                "romeo.calls.circuitBreaker.failureRatio", 0.75, "romeo.calls.circuitBreaker.delay", "30s")).pod("Deployment/romeo");
        Map<String, String> expected = Map.of(
                "ROMEO_CALLS_DEADLINE", "4s", "QUARKUS_REST_CLIENT_JULIET_CONNECT_TIMEOUT", "300",
                "QUARKUS_REST_CLIENT_JULIET_READ_TIMEOUT", "1500", "ROMEO_CALLS_RETRY_MAX_RETRIES", "0",
                "ROMEO_CALLS_RETRY_DELAY", "250ms", "ROMEO_CALLS_RETRY_JITTER", "0ms",
                "ROMEO_CALLS_CIRCUIT_BREAKER_ENABLED", "false", "ROMEO_CALLS_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD", "7",
                "ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO", "0.75", "ROMEO_CALLS_CIRCUIT_BREAKER_DELAY", "30s");
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(PROPERTIES.keySet());
        expected.forEach((env, value) -> assertThat(romeo.env("romeo", env)).as(env).isEqualTo(value));
    }

    @Test
    void theChartsDefaultsAreTheServicesOwn() throws IOException {
        Properties service = new Properties();
        Path file = Chart.DIR.getParent().getParent().resolve("romeo/src/main/resources/application.properties");
        try (Reader in = Files.newBufferedReader(file)) {
            service.load(in);
        }
        Chart.PodView romeo = Chart.render().pod("Deployment/romeo");
        PROPERTIES.forEach((env, property) -> assertThat(romeo.env("romeo", env))
                .as("%s against %s in %s", env, property, file).isEqualTo(service.getProperty(property)));
    }

    @Test
    void valuesRightAtEachLimitAreAccepted() {
        // The rules are strict inequalities: one step inside each must render.
        Chart.PodView romeo = Chart.render(Map.of(
                "romeo.calls.connectTimeout", 999, "romeo.calls.readTimeout", 1000,
                "romeo.calls.deadline", "1101ms", "romeo.calls.retry.delay", "100ms", "romeo.calls.retry.jitter", "100ms",
                "romeo.calls.circuitBreaker.failureRatio", 1, "romeo.calls.circuitBreaker.requestVolumeThreshold", 1))
                .pod("Deployment/romeo");
        assertThat(romeo.env("romeo", "ROMEO_CALLS_DEADLINE")).isEqualTo("1101ms");
        assertThat(romeo.env("romeo", "ROMEO_CALLS_RETRY_JITTER")).isEqualTo("100ms");
        assertThat(romeo.env("romeo", "ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO")).isEqualTo("1");
    }

    @Test
    void secondsAndMillisecondsCompareAsTheSameDuration() {
        // 2s is 2000 ms: above 1900 ms read timeout + 99 ms delay, so accepted; the same in ms too.
        assertThat(Chart.render(Map.of("romeo.calls.readTimeout", 1900, "romeo.calls.retry.delay", "99ms",
                "romeo.calls.retry.jitter", "0s")).pod("Deployment/romeo").env("romeo", "ROMEO_CALLS_DEADLINE")).isEqualTo("2s");
        assertThat(Chart.template(null, Map.of("romeo.calls.deadline", "2000ms", "romeo.calls.readTimeout", 1900,
                "romeo.calls.retry.delay", "99ms", "romeo.calls.retry.jitter", "0s"))).contains("2000ms");
    }
}
