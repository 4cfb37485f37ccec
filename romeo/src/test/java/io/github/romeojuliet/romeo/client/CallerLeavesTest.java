package io.github.romeojuliet.romeo.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.RawSocketJuliet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadline ends with its caller: a caller who hangs up after 100 ms cancels the call to a
 * frozen Juliet, who sees her connection closed long before Romeo's read timeout or deadline (here
 * 5 s and 10 s, so that only the cancellation can close it early).
 */
@QuarkusTest
@TestProfile(CallerLeavesTest.LongTimeouts.class)
@WithTestResource(RawSocketJuliet.class)
class CallerLeavesTest {

    @TestHTTPResource("/")
    URI romeo;

    @Test
    void aCallerWhoHangsUpCancelsTheCallToJuliet() throws Exception {
        RawSocketJuliet juliet = RawSocketJuliet.current();
        juliet.behave(RawSocketJuliet.Behaviour.FREEZE);
        try (Socket caller = new Socket(romeo.getHost(), romeo.getPort())) {
            OutputStream out = caller.getOutputStream();
            out.write(("GET /call-juliet HTTP/1.1\r\nHost: " + romeo.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100);
        }
        Duration held = juliet.heldFor().get(4, TimeUnit.SECONDS);
        assertTrue(held.compareTo(Duration.ofSeconds(2)) < 0, () -> "Juliet's connection stayed open for " + held);
    }

    public static class LongTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.juliet.read-timeout", "5000", "romeo.calls.deadline", "10s");
        }
    }
}
