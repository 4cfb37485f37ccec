package io.github.romeojuliet.romeo.support;

import io.github.romeojuliet.common.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Juliet's packaged application, started as its own process on a free port, exactly as it runs
 * beside Romeo on a laptop. Tests that use it talk to the real thing over real HTTP.
 */
public class RealJuliet implements QuarkusTestResourceLifecycleManager {

    static final Path JAR = Path.of("..", "juliet", "target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Map<String, String> environment;
    private Process juliet;
    private int port;

    public RealJuliet() {
        this(Map.of());
    }

    /** A Juliet whose process also gets these environment variables, as a pod's env would give her. */
    public RealJuliet(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Map<String, String> start() {
        requirePackagedJuliet();
        port = FreePorts.next();
        return Map.of("quarkus.rest-client.juliet.url", launch());
    }

    /** The reactor packages Juliet before Romeo's tests (Romeo's pom depends on her); alone, Romeo's module cannot. */
    private static void requirePackagedJuliet() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("no packaged Juliet at " + JAR.toAbsolutePath().normalize()
                    + ": build Romeo with the modules he needs, e.g. ./mvnw -pl romeo -am verify");
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectRealJuliet.class, RealJuliet.class));
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops Juliet and starts her again on the same port, as a pod replaced behind a Service is. */
    public void restart() {
        stop();
        launch();
    }

    private String launch() {
        try {
            Path log = Path.of("target", "real-juliet-" + port + ".log");
            ProcessBuilder launcher = new ProcessBuilder(List.of(javaExecutable(), "-Dquarkus.http.port=" + port,
                    "-jar", JAR.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            launcher.environment().putAll(environment);
            juliet = launcher.start();
            String url = "http://localhost:" + port;
            awaitReady(url, log);
            return url;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Juliet from " + JAR, e);
        }
    }

    @Override
    public void stop() {
        if (juliet != null) {
            juliet.destroy();
            try {
                juliet.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(String url, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!juliet.isAlive()) {
                throw new IllegalStateException("Juliet exited with " + juliet.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("Juliet was not ready within " + START_DEADLINE + ":\n" + Files.readString(log));
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
