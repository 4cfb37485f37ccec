package io.github.romeojuliet.juliet.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The greeting timer counts greetings when, and only when, they are answered, per format. */
@QuarkusTest
class MetricsTest {

    private static final Pattern TEXT_GREETINGS =
            Pattern.compile("(?m)^juliet_greeting_seconds_count\\{[^}]*format=\"text\"[^}]*} ([0-9.]+)$");
    private static final Pattern JSON_GREETINGS =
            Pattern.compile("(?m)^juliet_greeting_seconds_count\\{[^}]*format=\"json\"[^}]*} ([0-9.]+)$");

    @Test
    void greetingTimerCountsEachGreetingByFormat() {
        String before = scrape();
        double text = sample(TEXT_GREETINGS, before);
        double json = sample(JSON_GREETINGS, before);

        for (int i = 0; i < 3; i++) {
            given().get("/romeo-please-call-me").then().statusCode(200);
        }
        given().accept("application/json").get("/romeo-please-call-me").then().statusCode(200);
        given().get("/not-a-greeting").then().statusCode(404);

        String after = scrape();
        assertEquals(text + 3, sample(TEXT_GREETINGS, after));
        assertEquals(json + 1, sample(JSON_GREETINGS, after));
    }

    @Test
    void metricsAreInPrometheusTextFormatWhenAskedForText() {
        String body = given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract().asString();
        assertTrue(body.contains("# TYPE juliet_greeting_seconds summary"), body);
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sample(Pattern series, String exposition) {
        Matcher matcher = series.matcher(exposition);
        assertTrue(matcher.find(), () -> "no sample of " + series + " in:\n" + exposition);
        return Double.parseDouble(matcher.group(1));
    }
}
