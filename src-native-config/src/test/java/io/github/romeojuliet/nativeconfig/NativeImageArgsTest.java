package io.github.romeojuliet.nativeconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the native-image command line Quarkus prepared for each service (a sources-only native
 * build writes it without GraalVM) and checks that every shared setting in native.properties made
 * it there, unchanged, for both services. Which way the build was asked for (-Pnative, -Dnative,
 * -Dquarkus.native.enabled=true) is up to the caller; make test-native-inputs runs each.
 */
class NativeImageArgsTest {

    private static final Path SHARED_SETTINGS = Path.of("native.properties");

    /** What each shared setting must put on native-image's command line. */
    private static final Map<String, Function<String, List<String>>> EXPECTED_ARGS = Map.of(
            "quarkus.native.additional-build-args", value -> Arrays.stream(value.split(",")).map(String::trim).toList(),
            "quarkus.native.native-image-xmx", value -> List.of("-J-Xmx" + value));

    /**
     * Shared settings that never reach native-image.args, and why. The builder image only names the
     * container a container build runs native-image in.
     */
    private static final Set<String> NOT_ON_THE_COMMAND_LINE = Set.of("quarkus.native.builder-image");

    @Test
    void everySharedSettingIsChecked() throws IOException {
        Set<String> unchecked = new TreeSet<>(sharedSettings().stringPropertyNames());
        unchecked.removeAll(EXPECTED_ARGS.keySet());
        unchecked.removeAll(NOT_ON_THE_COMMAND_LINE);
        assertEquals(Set.of(), unchecked, "native.properties has settings this test does not check:"
                + " say in EXPECTED_ARGS what each puts on native-image's command line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "romeo"})
    void everySharedSettingReachesNativeImage(String service) throws IOException {
        Properties shared = sharedSettings();
        List<String> args = nativeImageArgs(service);
        for (Map.Entry<String, Function<String, List<String>>> check : EXPECTED_ARGS.entrySet()) {
            String value = shared.getProperty(check.getKey());
            if (value == null) {
                continue;
            }
            List<String> expected = check.getValue().apply(value);
            assertFalse(expected.isEmpty(), () -> check.getKey() + " is empty in native.properties");
            for (String argument : expected) {
                assertTrue(args.contains(argument),
                        () -> service + " is missing " + argument + " (from " + check.getKey() + ") in " + args);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "romeo"})
    void buildsTheServiceItselfWithoutAJvmFallback(String service) throws IOException {
        List<String> args = nativeImageArgs(service);
        assertTrue(args.contains("--no-fallback"), () -> service + " could fall back to a JVM image: " + args);
        assertTrue(args.contains(service + "-" + System.getProperty("project.version") + "-runner.jar"), () -> service + " builds another jar: " + args);
    }

    private static Properties sharedSettings() throws IOException {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(SHARED_SETTINGS)) {
            settings.load(reader);
        }
        return settings;
    }

    private static List<String> nativeImageArgs(String service) throws IOException {
        Path file = Path.of("..", service, "target", "native-sources", "native-image.args");
        assertTrue(Files.isRegularFile(file), () -> "no " + file + ": run the sources-only native build first"
                + " (make test-native-inputs)");
        return Arrays.asList(Files.readString(file).trim().split("\\s+"));
    }
}
