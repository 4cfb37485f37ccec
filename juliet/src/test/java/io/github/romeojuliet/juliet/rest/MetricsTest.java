package io.github.romeojuliet.juliet.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The greeting counter and timer move when, and only when, greetings are answered. */
@QuarkusTest
class MetricsTest {

    private static final Pattern GREETINGS_COUNTER =
            Pattern.compile("(?m)^juliet_greetings_total\\{[^}]*method=\"greet\"[^}]*} ([0-9.]+)$");
    private static final Pattern GREETING_TIMER_COUNT =
            Pattern.compile("(?m)^juliet_greeting_seconds_count\\{[^}]*method=\"greet\"[^}]*} ([0-9.]+)$");

    @Test
    void greetingCounterAndTimerCountEachGreeting() {
        given().get("/romeo-please-call-me").then().statusCode(200);
        String before = scrape();
        double counted = sample(GREETINGS_COUNTER, before);
        double timed = sample(GREETING_TIMER_COUNT, before);

        for (int i = 0; i < 3; i++) {
            given().get("/romeo-please-call-me").then().statusCode(200);
        }
        given().get("/not-a-greeting").then().statusCode(404);

        String after = scrape();
        assertEquals(counted + 3, sample(GREETINGS_COUNTER, after));
        assertEquals(timed + 3, sample(GREETING_TIMER_COUNT, after));
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
