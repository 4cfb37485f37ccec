package io.github.romeojuliet.romeo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.common.settings.BadSettings;
import io.github.romeojuliet.common.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged Romeo, started with one bad setting at a time the way a Deployment would pass it (an
 * environment variable), stops within seconds with one line naming the property, the value and the
 * rule, and no stack trace.
 */
class SettingsCheckIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        // Bean Validation on RomeoConfig
        "ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO|1.5|romeo.calls.circuit-breaker.failure-ratio (ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO) must be above 0 and at most 1",
        "ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO|0|romeo.calls.circuit-breaker.failure-ratio (ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO) must be above 0 and at most 1",
        "ROMEO_CALLS_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD|0|romeo.calls.circuit-breaker.request-volume-threshold (ROMEO_CALLS_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD) must be 1 or more",
        "ROMEO_CALLS_CIRCUIT_BREAKER_DELAY|0s|romeo.calls.circuit-breaker.delay (ROMEO_CALLS_CIRCUIT_BREAKER_DELAY) must be above 0",
        "ROMEO_CALLS_RETRY_MAX_RETRIES|-1|romeo.calls.retry.max-retries (ROMEO_CALLS_RETRY_MAX_RETRIES) must be 0 or more",
        "ROMEO_CALLS_RETRY_JITTER|-10ms|romeo.calls.retry.jitter (ROMEO_CALLS_RETRY_JITTER) must be 0 or more",
        "ROMEO_ROUTING_HINT_MAX_LENGTH|0|romeo.routing-hint-max-length (ROMEO_ROUTING_HINT_MAX_LENGTH) must be 1 or more",
        "ROMEO_FORWARD_HEADERS|X Canary|romeo.forward-headers (ROMEO_FORWARD_HEADERS) has 'X Canary', which is not a valid header or cookie name",
        // SettingsCheck: rules across settings, and the REST client's own
        "QUARKUS_REST_CLIENT_JULIET_URL|juliet-service|quarkus.rest-client.juliet.url (QUARKUS_REST_CLIENT_JULIET_URL)=juliet-service must be an http or https URL with a host",
        "QUARKUS_REST_CLIENT_JULIET_URL|ftp://juliet-service|quarkus.rest-client.juliet.url (QUARKUS_REST_CLIENT_JULIET_URL)=ftp://juliet-service must be an http or https URL with a host",
        "QUARKUS_REST_CLIENT_JULIET_CONNECT_TIMEOUT|-1|quarkus.rest-client.juliet.connect-timeout (QUARKUS_REST_CLIENT_JULIET_CONNECT_TIMEOUT)=-1 must be above 0 ms",
        "QUARKUS_REST_CLIENT_JULIET_READ_TIMEOUT|400|quarkus.rest-client.juliet.read-timeout (QUARKUS_REST_CLIENT_JULIET_READ_TIMEOUT)=400 must be longer than quarkus.rest-client.juliet.connect-timeout=500",
        "ROMEO_CALLS_DEADLINE|1050ms|romeo.calls.deadline (ROMEO_CALLS_DEADLINE)=1050ms must be longer than quarkus.rest-client.juliet.read-timeout=1000ms plus romeo.calls.retry.delay=100ms, or no retry could ever start",
        "ROMEO_CALLS_RETRY_JITTER|200ms|romeo.calls.retry.jitter (ROMEO_CALLS_RETRY_JITTER)=200ms must be at most romeo.calls.retry.delay=100ms",
    })
    void badSettingStopsRomeoWithOneLine(String variable, String value, String rule) throws Exception {
        Path log = Path.of("target", "settings-check-" + variable + ".log");
        ProcessBuilder romeo = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", APP.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        romeo.environment().put("QUARKUS_HTTP_PORT", String.valueOf(FreePorts.next()));
        romeo.environment().put(variable, value);
        Process process = romeo.start();
        try {
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "Romeo kept running with " + variable + "=" + value);
            String output = Files.readString(log);
            assertEquals(BadSettings.EXIT_CODE, process.exitValue(), output);
            assertEquals(1, output.lines().filter(line -> line.contains("bad setting: ")).count(), output);
            assertTrue(output.contains("bad setting: " + rule), () -> "no line saying '" + rule + "' in:\n" + output);
            assertFalse(output.contains("\tat "), () -> "a stack trace:\n" + output);
        } finally {
            process.destroyForcibly();
        }
    }
}
