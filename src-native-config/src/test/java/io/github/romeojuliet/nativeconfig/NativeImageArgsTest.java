package io.github.romeojuliet.nativeconfig;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the native-image command line Quarkus prepared for each service (a sources-only native
 * build writes it without GraalVM) and checks that the shared settings from native.properties
 * made it there, unchanged, for both services.
 */
class NativeImageArgsTest {

    private static final Path SHARED_SETTINGS = Path.of("native.properties");

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "romeo"})
    void everySharedBuildArgumentReachesNativeImage(String service) throws IOException {
        List<String> args = nativeImageArgs(service);
        List<String> shared = List.of(sharedSettings().getProperty("quarkus.native.additional-build-args").split(","));
        assertFalse(shared.isEmpty(), "native.properties names no build arguments");
        for (String argument : shared) {
            assertTrue(args.contains(argument.trim()), () -> service + " is missing " + argument + " in " + args);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "romeo"})
    void buildMemoryComesFromTheSharedSettings(String service) throws IOException {
        String xmx = sharedSettings().getProperty("quarkus.native.native-image-xmx");
        List<String> args = nativeImageArgs(service);
        assertTrue(args.contains("-J-Xmx" + xmx), () -> service + " does not build with -J-Xmx" + xmx + ": " + args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "romeo"})
    void buildsTheServiceItselfWithoutAJvmFallback(String service) throws IOException {
        List<String> args = nativeImageArgs(service);
        assertTrue(args.contains("--no-fallback"), () -> service + " could fall back to a JVM image: " + args);
        assertTrue(args.contains(service + "-1.0.0-runner.jar"), () -> service + " builds another jar: " + args);
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
