package io.github.romeojuliet.romeo.support;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.common.rest.Problem;

/**
 * The failure table's first row, checked on one call: a Juliet Romeo cannot reach at all (refused,
 * or a name that does not resolve) gets a 503 with Retry-After, after every attempt the retries
 * allow, within the deadline.
 */
public final class UnreachableCall {

    private UnreachableCall() {
    }

    /**
     * @param detail the problem's expected one-line detail
     * @param what   how Juliet cannot be reached, for the assertion messages
     */
    public static void assertAnswered503AfterEveryAttempt(CallFigures figures, String detail, String what) {
        TimedCall.callJuliet(); // Romeo builds its REST client on the first call; not what a failure costs
        double retries = RomeoMetrics.value(RomeoMetrics.RETRIES);
        TimedCall call = TimedCall.callJuliet();

        call.answer().then().statusCode(503)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header("Retry-After", equalTo(figures.retryAfter()))
                .body("type", equalTo("urn:romeo-juliet:problem:unreachable"))
                .body("detail", equalTo(detail))
                .body("instance", equalTo("/call-juliet"));
        assertEquals(figures.attempts(), 1 + (int) (RomeoMetrics.value(RomeoMetrics.RETRIES) - retries),
                "attempts at " + what + ", counted by Romeo's retry guard");
        figures.assertRetriedWithinTheDeadline(call, what);
    }
}
