package io.github.romeojuliet.romeo.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.romeo.support.InjectOtlpReceiver;
import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.OtlpReceiver;
import io.github.romeojuliet.romeo.support.OtlpReceiver.ReceivedSpan;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.TraceIds;
import io.github.romeojuliet.romeo.support.TracedScriptedJuliet;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A retry starts after its wait on the fault tolerance timer's thread, yet it belongs to the same
 * call as the first attempt: both attempts reach Juliet in the caller's trace, as children of the
 * one server span Romeo opened for the call.
 */
@QuarkusTest
@WithTestResource(TracedScriptedJuliet.class)
class RetriedCallTraceTest {

    @InjectOtlpReceiver
    OtlpReceiver receiver;

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Test
    void everyAttemptOfARetriedCallIsInTheCallersTrace() {
        juliet.reset();
        juliet.failNext(1);
        String traceId = TraceIds.traceId();

        given().header("traceparent", "00-" + traceId + "-" + TraceIds.spanId() + "-01")
                .get("/call-juliet").then().statusCode(200);

        List<Map<String, String>> attempts = juliet.received();
        assertEquals(2, attempts.size(), () -> "attempts: " + attempts);
        for (Map<String, String> attempt : attempts) {
            assertEquals(traceId, attempt.getOrDefault("traceparent", "-").split("-")[1],
                    () -> "an attempt left the caller's trace: " + attempt);
        }
        ReceivedSpan romeoServer = receiver.awaitSpan(traceId,
                span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_SERVER);
        List<ReceivedSpan> clientSpans = receiver.awaitSpans(traceId, span -> span.kind() == SpanKind.SPAN_KIND_CLIENT, 2);
        assertEquals(2, clientSpans.size(), () -> "client spans: " + clientSpans);
        for (ReceivedSpan attempt : clientSpans) {
            assertEquals(romeoServer.spanId(), attempt.parentSpanId(), () -> "an attempt outside Romeo's request: " + attempt);
        }
    }
}
