package io.github.romeojuliet.romeo.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.InjectRealJuliet;
import io.github.romeojuliet.romeo.support.RealJuliet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or broken client sends, as raw bytes on a socket, to Romeo and to the real
 * Juliet: each request is refused with a 4xx or answered, never a 5xx or a hang, and both
 * services stay healthy and quick afterwards.
 */
@QuarkusTest
@WithTestResource(RealJuliet.class)
class HostileInputTest {

    private static final String KB_10 = "x".repeat(10 * 1024);
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    @InjectRealJuliet
    RealJuliet juliet;

    @ConfigProperty(name = "quarkus.http.test-port")
    int romeoPort;

    enum Target { ROMEO, JULIET }

    private int port(Target target) {
        return target == Target.ROMEO ? romeoPort : juliet.port();
    }

    private static String path(Target target) {
        return target == Target.ROMEO ? "/call-juliet" : "/romeo-please-call-me";
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROMEO", "JULIET"})
    void malformedRequestsAreRefusedWithA4xxOrAnswered(Target target) throws IOException {
        String path = path(target);
        List<String> requests = List.of(
                "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Big: " + KB_10 + "\r\n\r\n",
                "GET " + path + "?" + KB_10 + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "BREW " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET " + path + "%zz%e0 HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET " + path + " HTTP/1.0\r\n\r\n",
                "GET " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
                "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Canary: " + KB_10 + "\r\n\r\n",
                "GET " + path + " HTTP/1.1\r\nHost: x\r\nCookie: canary=always\rX-Evil: 1\r\n\r\n");
        for (String request : requests) {
            Optional<Integer> status = exchange(port(target), request.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(status.isPresent(), () -> "no answer to " + abbreviated(request));
            int code = status.get();
            assertTrue(code >= 200 && code < 300 || code >= 400 && code < 500,
                    () -> code + " to " + abbreviated(request));
        }
        assertHealthyAndQuick(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROMEO", "JULIET"})
    void garbageRequestLineGetsA400OrAClosedConnection(Target target) throws IOException {
        byte[] garbage = "\u0000\u0001\u0002 garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        exchange(port(target), garbage).ifPresent(code -> assertEquals(400, code));
        assertHealthyAndQuick(target);
    }

    private final List<Socket> slowClients = new ArrayList<>();

    @Test
    void fiftySlowClientsDoNotStarveTheOthers() throws IOException {
        for (Target target : Target.values()) {
            for (int client = 0; client < 50; client++) {
                Socket slow = new Socket();
                slow.connect(new InetSocketAddress("localhost", port(target)), 2_000);
                slow.getOutputStream().write(("GET " + path(target) + " HTTP/1.1\r\nHost: x\r\n").getBytes(StandardCharsets.ISO_8859_1));
                slowClients.add(slow); // the request never ends: each holds its connection open
            }
        }
        for (Target target : Target.values()) {
            assertHealthyAndQuick(target);
        }
    }

    @AfterEach
    void closeSlowClients() throws IOException {
        for (Socket slow : slowClients) {
            slow.close();
        }
        slowClients.clear();
    }

    private void assertHealthyAndQuick(Target target) throws IOException {
        long started = System.nanoTime();
        String request = "GET " + path(target) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        assertEquals(Optional.of(200), exchange(port(target), request.getBytes(StandardCharsets.ISO_8859_1)));
        String ready = "GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        assertEquals(Optional.of(200), exchange(port(target), ready.getBytes(StandardCharsets.ISO_8859_1)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 2_000, () -> target + " took " + tookMillis + " ms to greet and report ready");
    }

    /** Sends the bytes, reads the status line; empty when the server closed without a status line. */
    private static Optional<Integer> exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 2_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            String statusLine = readLine(socket.getInputStream());
            if (statusLine.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(statusLine.split(" ")[1]));
        } catch (SocketTimeoutException hung) {
            throw new AssertionError("no answer within " + READ_TIMEOUT_MILLIS + " ms", hung);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviated(String request) {
        return request.length() > 80 ? request.substring(0, 80) + "..." : request;
    }
}
