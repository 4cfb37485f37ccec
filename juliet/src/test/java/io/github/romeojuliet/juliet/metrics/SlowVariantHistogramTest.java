package io.github.romeojuliet.juliet.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Injected latency is part of the greeting's time: 200 ms late lands every greeting in the 0.25 s bucket, none in 0.1 s. */
@QuarkusTest
@TestProfile(SlowVariantProfile.class)
class SlowVariantHistogramTest {

    private static final String PATH = "/romeo-please-call-me";

    @Test
    void everyGreetingOnEitherRouteIsTimedWithItsInjectedLatency() {
        greetOnEachRoute(); // the first answers load classes (JSON's writer), which would add their own time
        GreetingHistogram before = GreetingHistogram.scrape();

        greetOnEachRoute();

        GreetingHistogram after = GreetingHistogram.scrape();
        assertBuckets(before, after, "text", 2);
        assertBuckets(before, after, "json", 1);
    }

    private static void greetOnEachRoute() {
        given().get(PATH).then().statusCode(200);                                              // plain route
        given().accept("text/plain, application/json;q=0.5").get(PATH).then().statusCode(200); // REST, text
        given().accept("application/json").get(PATH).then().statusCode(200);                  // REST, JSON
    }

    private static void assertBuckets(GreetingHistogram before, GreetingHistogram after, String format, int calls) {
        assertEquals(calls, after.countOrZero(format, "2xx") - before.countOrZero(format, "2xx"), format + " count");
        assertEquals(0, after.bucketOrZero(format, "2xx", "0.1") - before.bucketOrZero(format, "2xx", "0.1"),
                format + " greetings under 0.1 s");
        assertEquals(calls, after.bucketOrZero(format, "2xx", "0.25") - before.bucketOrZero(format, "2xx", "0.25"),
                format + " greetings under 0.25 s");
    }
}
