package io.github.romeojuliet.chart;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Waiting on and stopping the processes the tests start (packaged services, Prometheus), on free loopback ports. */
final class Processes {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private Processes() {
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls until the check passes; fails early when the process it waits on has died. No speed is asserted. */
    static void awaitTrue(String what, Check check, Process process) throws Exception {
        Instant end = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(end)) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                fail("process exited (" + process.exitValue() + ") before: " + what);
            }
            Thread.sleep(500);
        }
        fail("gave up waiting for " + what);
    }

    static int status(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
