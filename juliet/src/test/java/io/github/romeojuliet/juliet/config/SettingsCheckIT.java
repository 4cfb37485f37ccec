package io.github.romeojuliet.juliet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.common.settings.BadSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packaged Juliet, started with one bad setting at a time, stops with one line naming it. */
class SettingsCheckIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "JULIET_FAULT_ERROR_RATE|20|juliet.fault.error-rate (JULIET_FAULT_ERROR_RATE) must be between 0 and 1",
        "JULIET_FAULT_ERROR_RATE|-0.1|juliet.fault.error-rate (JULIET_FAULT_ERROR_RATE) must be between 0 and 1",
        "JULIET_FAULT_LATENCY|-1s|juliet.fault.latency (JULIET_FAULT_LATENCY) must be 0 or more",
        "JULIET_GREETING|' '|juliet.greeting (JULIET_GREETING) must not be blank: it is what Romeo hears",
        "JULIET_VERSION|' '|juliet.version (JULIET_VERSION) must not be blank: A/B routing and metrics tell variants apart by it",
    })
    void badSettingStopsJulietWithOneLine(String variable, String value, String rule) throws Exception {
        Path log = Path.of("target", "settings-check-" + variable + ".log");
        ProcessBuilder juliet = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", APP.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        try (ServerSocket free = new ServerSocket(0)) {
            juliet.environment().put("QUARKUS_HTTP_PORT", String.valueOf(free.getLocalPort()));
        }
        juliet.environment().put(variable, value);
        Process process = juliet.start();
        try {
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "Juliet kept running with " + variable + "=" + value);
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
