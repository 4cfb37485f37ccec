package io.github.romeojuliet.romeo.laptop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.TimeUnit;
import io.github.romeojuliet.common.testing.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The laptop set-up a new user gets from {@code make run}: both packaged services started as
 * processes by the very same target, Juliet killed under Romeo's feet, then started again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaptopTopologyIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RUN_DIR = Path.of("target", "laptop-run").toAbsolutePath();
    private static final String RUN_MODE = System.getProperty("laptop.run-mode", "jvm");
    private static final int JULIET_PORT = FreePorts.next();
    private static final int ROMEO_PORT = FreePorts.next();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void makeRun() throws Exception {
        make("run");
    }

    @AfterAll
    static void makeStop() throws Exception {
        make("stop");
    }

    /**
     * On the JVM, make run starts each service from the AppCDS archive its build made (pom.xml). A
     * JVM maps an archive into its memory only once it has accepted it: one it rejects (another JVM
     * build, a changed class path) is left out, with a warning, and the start is as slow as without.
     */
    @Test
    @Order(1)
    void onTheJvmBothServicesStartFromTheirAppCdsArchive() throws IOException {
        assumeTrue("jvm".equals(RUN_MODE), "the AppCDS archive is for the JVM; this run is " + RUN_MODE);
        for (String service : List.of("juliet", "romeo")) {
            String maps = Files.readString(Path.of("/proc", String.valueOf(pid(service)), "maps"));
            assertTrue(maps.contains("/" + service + "/target/quarkus-app/app-cds.jsa"),
                    service + " runs without its AppCDS archive mapped");
        }
    }

    @Test
    @Order(2)
    void romeoReachesJulietThenReportsHerDeathThenRecovers() throws Exception {
        HttpResponse<String> greeting = callRomeo();
        assertEquals(200, greeting.statusCode(), greeting::body);
        assertEquals("Hello Romeo, this is Juliet.", greeting.body());

        long romeo = pid("romeo");
        long juliet = pid("juliet");
        ProcessHandle.of(juliet).ifPresent(ProcessHandle::destroyForcibly);
        assertTrue(endsWithin(juliet, Duration.ofSeconds(10)), "Juliet did not die");

        HttpResponse<String> widowed = callRomeo();
        assertEquals(503, widowed.statusCode(), widowed::body);
        assertEquals("application/problem+json", widowed.headers().firstValue("Content-Type").orElse(""));
        assertTrue(widowed.body().contains("\"detail\":\"Juliet at http://localhost:" + JULIET_PORT),
                widowed::body);

        make("run");
        assertEquals(romeo, pid("romeo"), "make run must leave a running Romeo alone");
        assertTrue(romeoAnswersWithin(Duration.ofSeconds(30)), "Romeo did not recover once Juliet was back");
    }

    @Test
    @Order(3)
    void stopEndsBothProcesses() throws Exception {
        long juliet = pid("juliet");
        long romeo = pid("romeo");
        make("stop");
        assertFalse(running(juliet), "Juliet still running");
        assertFalse(running(romeo), "Romeo still running");
    }

    /**
     * Whether a process still runs. Not ProcessHandle.isAlive(): make's children outlive make, and
     * once killed they may stay zombies of an ancestor that never reaps them, which isAlive() counts.
     */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    private static boolean endsWithin(long pid, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (running(pid)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static HttpResponse<String> callRomeo() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ROMEO_PORT + "/call-juliet"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean romeoAnswersWithin(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (callRomeo().statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(RUN_DIR.resolve(service + ".pid")).trim());
    }

    private static void make(String target) throws IOException, InterruptedException {
        Path log = RUN_DIR.resolveSibling("laptop-make-" + target + ".log");
        Files.createDirectories(RUN_DIR);
        ProcessBuilder make = new ProcessBuilder(List.of("make", "--no-print-directory", "-C", ROOT.toString(), target))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        make.environment().putAll(Map.of(
                "JULIET_PORT", String.valueOf(JULIET_PORT),
                "ROMEO_PORT", String.valueOf(ROMEO_PORT),
                "RUN_DIR", RUN_DIR.toString(),
                // The jars this build just packaged, even on a machine with GraalVM.
                "RUN_MODE", RUN_MODE));
        Process process = make.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "make " + target + " did not finish");
        assertEquals(0, process.exitValue(), () -> "make " + target + " failed:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

}
