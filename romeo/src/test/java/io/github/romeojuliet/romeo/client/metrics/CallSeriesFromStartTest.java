package io.github.romeojuliet.romeo.client.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.romeo.support.FailingRealJuliet;
import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Romeo's A/B series exist before his first call, at zero, for every variant he was told of; and
 * a failure Juliet answered is counted under her version. This class has its own profile, so its
 * Romeo is a fresh instance whose first request is the first scrape.
 */
@QuarkusTest
@TestProfile(TwoVariantsProfile.class)
@WithTestResource(FailingRealJuliet.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallSeriesFromStartTest {

    private static final String CALLS = "romeo_juliet_calls_seconds";
    private static final List<String> BUCKETS = List.of("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
            "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf");

    @Test
    @Order(1)
    void scrapedBeforeTheFirstCallEverySeriesIsThereAtZero() {
        for (String version : List.of("v1", "v2", "none")) {
            assertHistogramAtZero(version, "success");
            assertHistogramAtZero(version, "bad-answer");
            assertHistogramAtZero(version, "busy");
        }
        for (String outcome : List.of("unreachable", "circuit-open", "timed-out")) {
            assertHistogramAtZero("none", outcome);
        }
        assertEquals(0, RomeoMetrics.value(RomeoMetrics.RETRIES));
        for (String result : List.of("success", "failure", "prevented")) {
            assertEquals(0, RomeoMetrics.value("romeo_juliet_circuit_calls_total{result=\"" + result + "\"}"), result);
        }
        assertEquals(1, RomeoMetrics.value("romeo_juliet_circuit_state{state=\"closed\"}"));
        assertEquals(0, RomeoMetrics.value("romeo_juliet_circuit_state{state=\"open\"}"));
        assertEquals(0, RomeoMetrics.value("romeo_juliet_circuit_state{state=\"half_open\"}"));
    }

    @Test
    @Order(2)
    void aFailureJulietAnsweredIsCountedUnderHerVersion() {
        String series = CALLS + "_count{juliet_version=\"" + FailingRealJuliet.VERSION + "\",outcome=\"bad-answer\"}";
        double before = RomeoMetrics.value(series);

        given().get("/call-juliet").then().statusCode(502);

        assertEquals(before + 1, RomeoMetrics.value(series));
    }

    private static void assertHistogramAtZero(String version, String outcome) {
        String labels = "juliet_version=\"" + version + "\",outcome=\"" + outcome + "\"";
        assertEquals(0, RomeoMetrics.value(CALLS + "_count{" + labels + "}"), labels);
        for (String le : BUCKETS) {
            assertEquals(0, RomeoMetrics.value(CALLS + "_bucket{" + labels + ",le=\"" + le + "\"}"), labels + " le=" + le);
        }
    }
}
