package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.github.romeojuliet.romeo.support.WarmRomeo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Juliet asking Romeo to come back in a second, with a deadline that leaves room for the wait and
 * a whole attempt after it (4 s against 1 s plus a 1 s read timeout): he waits at least her second,
 * longer than his own retry delay, and then greets his caller.
 */
@QuarkusTest
@TestProfile(RetryAfterWithinTheDeadlineTest.RoomForAWait.class)
@WithTestResource(ScriptedJulietResource.class)
class RetryAfterWithinTheDeadlineTest {

    private static final Duration ASKED = Duration.ofSeconds(1);

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @BeforeEach
    void freshJuliet() {
        WarmRomeo.against(juliet);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429})
    void aRetryAfterThatFitsTheDeadlineIsWaitedOutThenAskedAgain(int status) {
        juliet.answerNextWith(status, Map.of("Retry-After", String.valueOf(ASKED.toSeconds())));

        given().get("/call-juliet").then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));

        List<Instant> arrivals = juliet.arrivals();
        assertEquals(2, arrivals.size(), "asked once more, after the wait");
        Duration waited = Duration.between(arrivals.get(0), arrivals.get(1));
        assertTrue(waited.compareTo(ASKED) >= 0, () -> "asked again after " + waited + ", before her Retry-After of " + ASKED);
    }

    public static class RoomForAWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("romeo.calls.deadline", "4s");
        }
    }
}
