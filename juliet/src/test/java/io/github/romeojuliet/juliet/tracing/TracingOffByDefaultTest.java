package io.github.romeojuliet.juliet.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Without OTEL_EXPORTER_OTLP_ENDPOINT the OpenTelemetry SDK is off: greetings answered with an
 * exporter pointed at a collector send it nothing, not even a connection.
 */
@QuarkusTest
@WithTestResource(SilentCollector.class)
class TracingOffByDefaultTest {

    @Test
    void noSpanLeavesWithoutAnEndpoint() throws Exception {
        for (int call = 0; call < 5; call++) {
            given().get("/romeo-please-call-me").then().statusCode(200);
            given().accept("application/json").get("/romeo-please-call-me").then().statusCode(200);
        }
        Thread.sleep(2_000); // twenty export rounds, were the SDK on
        assertEquals(0, SilentCollector.CONNECTIONS.get(), "connections made to the span collector");
    }
}
