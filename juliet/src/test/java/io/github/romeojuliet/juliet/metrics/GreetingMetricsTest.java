package io.github.romeojuliet.juliet.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** juliet_greeting_seconds counts each answered greeting once, by format and status class, in the contract's buckets. */
@QuarkusTest
class GreetingMetricsTest {

    private static final String PATH = "/romeo-please-call-me";

    @Test
    void textAndJsonAtSuccessAndServerErrorAreExportedFromStart() {
        GreetingHistogram histogram = GreetingHistogram.scrape();
        for (String format : List.of("text", "json")) {
            for (String status : List.of("2xx", "5xx")) {
                assertNotNull(histogram.count(format, status),
                        () -> format + "/" + status + " missing in:\n" + histogram.exposition());
            }
        }
    }

    @Test
    void bucketsAreTheContractsOnes() {
        Matcher le = Pattern.compile("(?m)^juliet_greeting_seconds_bucket\\{[^}]*format=\"text\"[^}]*status=\"2xx\"[^}]*}")
                .matcher(GreetingHistogram.scrape().exposition());
        List<String> bounds = new ArrayList<>();
        while (le.find()) {
            Matcher bound = Pattern.compile("le=\"([^\"]+)\"").matcher(le.group());
            assertTrue(bound.find(), le.group());
            bounds.add(bound.group(1));
        }
        assertEquals(List.of(GreetingHistogram.BUCKETS), bounds);
    }

    @Test
    void eachGreetingIsCountedOnceByFormatAndStatusClass() {
        GreetingHistogram before = GreetingHistogram.scrape();

        for (int i = 0; i < 3; i++) {
            given().get(PATH).then().statusCode(200);
        }
        given().accept("application/json").get(PATH).then().statusCode(200);
        given().accept("application/xml").get(PATH).then().statusCode(406);
        given().accept("text/plain").post(PATH).then().statusCode(405);
        given().get("/not-a-greeting").then().statusCode(404);

        GreetingHistogram after = GreetingHistogram.scrape();
        assertEquals(before.countOrZero("text", "2xx") + 3, after.countOrZero("text", "2xx"), "text 2xx");
        assertEquals(before.countOrZero("json", "2xx") + 1, after.countOrZero("json", "2xx"), "json 2xx");
        assertEquals(before.countOrZero("other", "4xx") + 1, after.countOrZero("other", "4xx"), "406 for XML");
        assertEquals(before.countOrZero("text", "4xx") + 1, after.countOrZero("text", "4xx"), "405 for POST");
        assertEquals(before.countOrZero("text", "5xx"), after.countOrZero("text", "5xx"), "text 5xx");
    }

    @Test
    void metricsAreInPrometheusTextFormatWithTheGreetingAsAHistogram() {
        String body = given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract().asString();
        assertTrue(body.contains("# TYPE juliet_greeting_seconds histogram"), body);
    }
}
