package io.github.romeojuliet.romeo.client;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.romeo.rest.Problem;
import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.github.romeojuliet.romeo.support.TimedCall;
import io.github.romeojuliet.romeo.support.UnresolvableJulietProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Juliet's name does not resolve (a misspelt Service name, a Service not yet created): the same
 * 503 as a refused connection, after the same attempts, well within the deadline, at production
 * figures.
 */
@QuarkusTest
@TestProfile(UnresolvableJulietProfile.class)
class UnresolvableJulietTest {

    @Inject
    CallFigures figures;

    @Test
    void unresolvableNameIsA503AfterEveryAttemptWithinTheDeadline() {
        TimedCall.callJuliet(); // Romeo builds its REST client on the first call; not what a failure costs
        double retries = RomeoMetrics.value(RomeoMetrics.RETRIES);
        TimedCall call = TimedCall.callJuliet();

        call.answer().then().statusCode(503)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header("Retry-After", equalTo(figures.retryAfter()))
                .body("type", equalTo("urn:romeo-juliet:problem:unreachable"))
                .body("detail", equalTo("Juliet at " + UnresolvableJulietProfile.URL
                        + " could not be resolved (unknown host " + UnresolvableJulietProfile.HOST + ")"));
        assertEquals(figures.attempts(), 1 + (int) (RomeoMetrics.value(RomeoMetrics.RETRIES) - retries),
                "attempts at a Juliet whose name does not resolve, counted by Romeo's retry guard");
        figures.assertRetriedWithinTheDeadline(call, "a name that does not resolve");
    }
}
