package io.github.romeojuliet.juliet.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.juliet.fault.SlowAndFailingVariantProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Injected 500s are greetings too: a Juliet failing every one (error rate 1) counts them all as 5xx, none as 2xx. */
@QuarkusTest
@TestProfile(SlowAndFailingVariantProfile.class)
class FailingVariantHistogramTest {

    private static final String PATH = "/romeo-please-call-me";

    @Test
    void everyInjectedFailureIsCountedAsAServerErrorInTheFormatAskedFor() {
        GreetingHistogram before = GreetingHistogram.scrape();

        given().get(PATH).then().statusCode(500);
        given().accept("text/plain;charset=UTF-8").get(PATH).then().statusCode(500);
        given().accept("application/json").get(PATH).then().statusCode(500);

        GreetingHistogram after = GreetingHistogram.scrape();
        assertEquals(2, after.countOrZero("text", "5xx") - before.countOrZero("text", "5xx"), "text 5xx");
        assertEquals(1, after.countOrZero("json", "5xx") - before.countOrZero("json", "5xx"), "json 5xx");
        assertEquals(0, after.countOrZero("text", "2xx") - before.countOrZero("text", "2xx"), "text 2xx");
        assertEquals(0, after.countOrZero("json", "2xx") - before.countOrZero("json", "2xx"), "json 2xx");
        // The injected latency (400 ms) is in the failures' time too.
        assertEquals(0, after.bucketOrZero("text", "5xx", "0.25") - before.bucketOrZero("text", "5xx", "0.25"),
                "text 5xx under 0.25 s");
    }
}
