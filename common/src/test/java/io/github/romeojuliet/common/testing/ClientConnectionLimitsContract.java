package io.github.romeojuliet.common.testing;

import static io.github.romeojuliet.common.testing.HeldWorkerThread.fiveSecondClient;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What one client may hold of a service, for each service's {@code @QuarkusTest} to extend: an
 * HTTP/2 connection at most 128 streams at once (the rest are refused, and a client that keeps
 * opening more loses its connection; others are answered meanwhile), and a connection that says nothing only until the idle timeout closes it.
 */
public abstract class ClientConnectionLimitsContract {

    private static final int STREAMS = 2_000;
    private static final int STREAM_BOUND = 128;

    /** A cheap GET the service answers 200 without help from anyone else. */
    protected abstract String cheapPath();

    @Test
    void oneConnectionOpeningFarMoreStreamsThanTheBoundIsRefusedTheRestWhileOthersAreAnswered() throws Exception {
        try (Http2StreamFlood flood = new Http2StreamFlood("localhost", RestAssured.port)) {
            flood.awaitSettings();
            assertEquals(STREAM_BOUND, flood.advertisedLimit(), "SETTINGS_MAX_CONCURRENT_STREAMS");
            flood.open(STREAMS, cheapPath());
            given().config(fiveSecondClient()).get(cheapPath()).then().statusCode(200);
            for (int wait = 0; wait < 100 && flood.refused() < STREAMS - STREAM_BOUND && !flood.endedByServer(); wait++) {
                Thread.sleep(50);
            }
            assertTrue(flood.refused() > 0, "no stream beyond the bound was refused");
            assertTrue(flood.refused() >= STREAMS - STREAM_BOUND || flood.endedByServer(),
                    () -> "only " + flood.refused() + " streams refused, and the connection still open");
        }
        given().config(fiveSecondClient()).get(cheapPath()).then().statusCode(200);
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        Duration idleTimeout = ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", Duration.class);
        assertTrue(idleTimeout.compareTo(Duration.ofMinutes(2)) <= 0, () -> "idle timeout " + idleTimeout);
        Duration held = SilentConnection.heldOpenBy("localhost", RestAssured.port, idleTimeout.plusSeconds(10));
        assertTrue(held.compareTo(idleTimeout.minusSeconds(1)) >= 0, () -> "closed before the idle timeout: " + held);
    }
}
