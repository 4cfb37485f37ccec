package io.github.romeojuliet.romeo.laptop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.github.romeojuliet.common.testing.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The laptop set-up a new user gets from {@code make run}: both packaged services started as
 * processes by the very same target, Juliet killed under Romeo's feet, then started again; a wedged
 * service, a stale pid file and a port in use. Processes are watched with ProcessHandle and ps, as on
 * macOS, never through /proc.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaptopTopologyIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RUN_DIR = Path.of("target", "laptop-run").toAbsolutePath();
    private static final String RUN_MODE = System.getProperty("laptop.run-mode", "jvm");
    private static final int JULIET_PORT = FreePorts.next();
    private static final int ROMEO_PORT = FreePorts.next();
    /** make run names the process holding a port through lsof, when it is installed. */
    private static final boolean LSOF = Stream.of(System.getenv("PATH").split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "lsof")));
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
     * JVM maps an archive only once it has accepted it: one it rejects (another JVM build, a changed
     * class path) is left out, with a warning, and the start is as slow as without. jcmd's VM.info
     * gives the mapped range as [static base-static end-dynamic end): a dynamic archive makes it wider.
     */
    @Test
    @Order(1)
    void onTheJvmBothServicesStartFromTheirAppCdsArchive() throws Exception {
        assumeTrue("jvm".equals(RUN_MODE), "the AppCDS archive is for the JVM; this run is " + RUN_MODE);
        Pattern mapped = Pattern.compile("CDS archive\\(s\\) mapped at: \\[(0x\\p{XDigit}+)-(0x\\p{XDigit}+)-(0x\\p{XDigit}+)\\)");
        for (String service : List.of("juliet", "romeo")) {
            String info = run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid(service)), "VM.info"), Duration.ofSeconds(30));
            Matcher range = mapped.matcher(info);
            assertTrue(range.find(), () -> service + ": no CDS mapping in VM.info:\n" + info);
            assertTrue(Long.decode(range.group(3)) > Long.decode(range.group(2)),
                    service + " runs without its AppCDS archive mapped: " + range.group());
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
        assertTrue(widowed.body().contains("\"type\":\"urn:romeo-juliet:problem:unreachable\""), widowed::body);

        make("run");
        assertEquals(romeo, pid("romeo"), "make run must leave a running Romeo alone");
        assertTrue(romeoAnswersWithin(Duration.ofSeconds(30)), "Romeo did not recover once Juliet was back");
        assertTrue(make("greet", Map.of(), Duration.ofSeconds(30)).output().contains("Hello Romeo, this is Juliet."));
    }

    /**
     * A service that accepts connections but never answers (here: stopped with SIGSTOP) must not
     * hang make run or make status: each readiness call has its own time limit.
     */
    @Test
    @Order(3)
    void aWedgedServiceEndsMakeRunAtReadyTimeoutAndMakeStatusAtOnce() throws Exception {
        long juliet = pid("juliet");
        ProcessHandle.of(pid("romeo")).ifPresent(ProcessHandle::destroy);
        assertTrue(endsWithin(pid("romeo"), Duration.ofSeconds(20)), "Romeo did not end on SIGTERM");
        run(List.of("kill", "-STOP", String.valueOf(juliet)), Duration.ofSeconds(10));
        try {
            MakeResult status = make("status", Map.of(), Duration.ofSeconds(30));
            assertTrue(status.output().contains("juliet: running, not ready"), status::output);

            MakeResult run = make("run", Map.of("READY_TIMEOUT", "5"), Duration.ofSeconds(60));
            assertEquals(2, run.exitCode(), run::output);
            assertTrue(run.output().contains("juliet was not ready within 5s"), run::output);
        } finally {
            run(List.of("kill", "-CONT", String.valueOf(juliet)), Duration.ofSeconds(10));
        }
        make("run");
        assertTrue(romeoAnswersWithin(Duration.ofSeconds(30)), "Romeo did not answer once Juliet was resumed");
    }

    @Test
    @Order(4)
    void stopEndsBothProcesses() throws Exception {
        long juliet = pid("juliet");
        long romeo = pid("romeo");
        make("stop");
        assertFalse(running(juliet), "Juliet still running");
        assertFalse(running(romeo), "Romeo still running");
    }

    /** A pid file whose pid the system has since given to another program: make stop must leave it alone. */
    @Test
    @Order(5)
    void stopLeavesAProcessItDidNotStartAlone() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(RUN_DIR.resolve("juliet.pid"), stranger.pid() + "\n");
            Files.writeString(RUN_DIR.resolve("juliet.started"), "Thu Jan  1 00:00:00 1970\n");
            MakeResult stop = make("stop", Map.of(), Duration.ofSeconds(60));
            assertEquals(0, stop.exitCode(), stop::output);
            assertTrue(stop.output().contains("nothing signalled"), stop::output);
            Thread.sleep(500);
            assertTrue(stranger.isAlive(), "make stop signalled a process it did not start");
        } finally {
            stranger.destroyForcibly();
        }
    }

    /** make run on a port another program holds names the port and, where lsof can tell, that program. */
    @Test
    @Order(6)
    void runOnAPortInUseNamesThePortAndItsHolder() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            MakeResult run = make("run", Map.of("JULIET_PORT", String.valueOf(holder.getLocalPort())), Duration.ofSeconds(60));
            assertEquals(2, run.exitCode(), run::output);
            String expected = LSOF ? "port " + holder.getLocalPort() + " for juliet is in use by pid " + ProcessHandle.current().pid()
                    : "port " + holder.getLocalPort() + " for juliet is in use (install lsof";
            assertTrue(run.output().contains(expected), run::output);
        }
    }

    /**
     * Whether a process still runs. isAlive() alone is not enough: make's children outlive make, and
     * once killed they may stay zombies of an ancestor that never reaps them; a zombie has no command.
     */
    private static boolean running(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().isPresent()).orElse(false);
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

    private record MakeResult(int exitCode, String output) {
    }

    private static void make(String target) throws IOException, InterruptedException {
        MakeResult result = make(target, Map.of(), Duration.ofMinutes(3));
        assertEquals(0, result.exitCode(), () -> "make " + target + " failed:\n" + result.output());
    }

    private static MakeResult make(String target, Map<String, String> settings, Duration limit)
            throws IOException, InterruptedException {
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
        make.environment().putAll(settings);
        Process process = make.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("make " + target + " did not finish within " + limit + ":\n" + read(log));
        }
        return new MakeResult(process.exitValue(), read(log));
    }

    private static String run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(limit.toSeconds(), TimeUnit.SECONDS), () -> String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

}
