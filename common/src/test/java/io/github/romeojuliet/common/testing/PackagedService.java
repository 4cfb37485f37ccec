package io.github.romeojuliet.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.common.shutdown.CallsInFlight;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A packaged service started as a process on a free port, for the tests that watch it as an
 * operator would: ready, stopped with a signal, its exit code and its log. Uses only what Linux and
 * macOS share: the JDK's process API and {@code kill}.
 */
public final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;
    private final String url;

    private PackagedService(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.url = "http://localhost:" + port;
    }

    /** Starts the runnable jar (or the command given) with the environment given, and waits until it is ready. */
    public static PackagedService start(String name, List<String> command, Map<String, String> environment)
            throws Exception {
        int port = FreePorts.next();
        Path log = Path.of("target", name + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        PackagedService service = new PackagedService(name, builder.start(), log, port);
        try {
            service.awaitReady();
        } catch (Exception | AssertionError notReady) {
            service.close();
            throw notReady;
        }
        return service;
    }

    /** The command that runs a fast-jar with the JDK running the tests. */
    public static List<String> javaJar(Path jar) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
    }

    public String url() {
        return url;
    }

    /** SIGTERM, as the kubelet sends it; returns when it was sent. */
    public Instant stop() {
        Instant asked = Instant.now();
        process.toHandle().destroy();
        return asked;
    }

    /** Sends a signal by name (TERM, INT) with {@code kill}, which both Linux and macOS have. */
    public void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0, "could not send SIG" + signal);
    }

    /**
     * Whether a process this JVM starts ignores SIGINT: a process inherits an ignored signal, and a
     * JVM that starts with SIGINT ignored keeps it so (a background job of a shell without job
     * control). Asked of this JVM, by swapping its handler out and straight back.
     */
    public static boolean startsWithSigintIgnored() {
        Signal interrupt = new Signal("INT");
        SignalHandler previous = Signal.handle(interrupt, SignalHandler.SIG_DFL);
        Signal.handle(interrupt, previous);
        return previous == SignalHandler.SIG_IGN;
    }

    /**
     * Asks for a stop (SIGTERM) while these calls are in flight, then sends a second SIGTERM and a
     * SIGINT during it: every call is still answered, the stop still waits out the drain delay, and
     * the process still ends with exit code 0.
     */
    public void assertLaterSignalsDoNotCutTheStopShort(List<CompletableFuture<HttpResponse<String>>> inFlight,
                                                       String body, Duration drainDelay) throws Exception {
        Instant stopAsked = stop();
        awaitReadinessDown(stopAsked);
        signal("TERM");
        signal("INT");

        assertAllAnswered(inFlight, body);
        int exitCode = awaitExit(Duration.ofSeconds(15));
        Duration stopping = Duration.between(stopAsked, Instant.now());
        assertTrue(stopping.compareTo(drainDelay) >= 0, () -> "the later signals cut the drain short: " + stopping);
        assertEquals(0, exitCode, () -> "exit code of the stop the first SIGTERM asked for:\n" + log());
    }

    /**
     * Asks for a stop (SIGTERM) while these calls are in flight and will outlast the shutdown timeout:
     * the process ends with {@link CallsInFlight#CALLS_CUT}, its log says how many calls were cut,
     * and none of them is answered as if nothing happened.
     */
    public void assertStopCutsCalls(List<CompletableFuture<HttpResponse<String>>> inFlight) throws Exception {
        stop();
        int exitCode = awaitExit(Duration.ofSeconds(15));
        assertEquals(CallsInFlight.CALLS_CUT, exitCode, () -> "exit code of a stop that cut calls:\n" + log());
        // Counted as the service saw them: a call still queued in the client at the stop never arrived.
        Matcher cut = Pattern.compile("cut (\\d+) call\\(s\\) still in flight").matcher(log());
        assertTrue(cut.find(), () -> "no line saying how many calls were cut in:\n" + log());
        int counted = Integer.parseInt(cut.group(1));
        assertTrue(counted >= 1 && counted <= inFlight.size(), () -> counted + " calls cut, of " + inFlight.size() + " sent");
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            assertTrue(call.handle((answer, failed) -> failed != null).get(10, TimeUnit.SECONDS),
                    "a call the stop cut was answered");
        }
    }

    /** The signal takes a moment to reach the process; well within any drain delay, readiness is DOWN. */
    public void awaitReadinessDown(Instant stopAsked) throws Exception {
        while (status("/q/health/ready") != 503) {
            assertTrue(Duration.between(stopAsked, Instant.now()).compareTo(Duration.ofMillis(500)) < 0,
                    "readiness must turn DOWN at once");
            Thread.sleep(20);
        }
    }

    /** Waits for the process to end and gives its exit code. */
    public int awaitExit(Duration within) throws Exception {
        assertTrue(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS), () -> name + " did not end:\n" + log());
        return process.exitValue();
    }

    /** Calls sent at once, left in flight for the caller to stop the service under. */
    public List<CompletableFuture<HttpResponse<String>>> callsInFlight(String path, int calls) throws InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int call = 0; call < calls; call++) {
            inFlight.add(HTTP.sendAsync(get(path), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300); // the calls are now waiting on the slow answer the test arranged
        return inFlight;
    }

    public static void assertAllAnswered(List<CompletableFuture<HttpResponse<String>>> inFlight, String body)
            throws Exception {
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            HttpResponse<String> answer = call.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer::body);
            assertEquals(body, answer.body());
        }
    }

    public HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return HTTP.send(get(path), HttpResponse.BodyHandlers.ofString());
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Whatever is left of the process and its children is ended, so no test leaves one behind. */
    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
    }

    private int status(String path) throws IOException, InterruptedException {
        return HTTP.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build();
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> name + " exited:\n" + log());
            try {
                if (status("/q/health/ready") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " was not ready within " + READY_WITHIN.toSeconds() + " s:\n" + log());
    }
}
