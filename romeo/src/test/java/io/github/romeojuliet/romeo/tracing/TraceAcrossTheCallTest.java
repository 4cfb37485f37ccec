package io.github.romeojuliet.romeo.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.romeojuliet.romeo.support.InjectOtlpReceiver;
import io.github.romeojuliet.romeo.support.InjectRealJuliet;
import io.github.romeojuliet.romeo.support.OtlpReceiver;
import io.github.romeojuliet.romeo.support.OtlpReceiver.ReceivedSpan;
import io.github.romeojuliet.romeo.support.RealJuliet;
import io.github.romeojuliet.romeo.support.TraceIds;
import io.github.romeojuliet.romeo.support.TracedRealJuliet;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One trace across the pod-to-pod call: Romeo's server span, its client span to Juliet and the
 * real Juliet's server span arrive at a real OTLP receiver under the caller's trace id, each the
 * child of the one before, whether the caller spoke W3C traceparent or B3.
 */
@QuarkusTest
@TestProfile(JsonLogFileProfile.class)
@WithTestResource(TracedRealJuliet.class)
class TraceAcrossTheCallTest {

    @InjectOtlpReceiver
    OtlpReceiver receiver;

    @InjectRealJuliet
    RealJuliet juliet;

    @Test
    void traceparentIsContinuedThroughRomeoIntoJuliet() {
        String traceId = TraceIds.traceId();
        String callerSpanId = TraceIds.spanId();

        given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .get("/call-juliet").then().statusCode(200);

        assertOneChainOfSpans(traceId, callerSpanId);
    }

    @Test
    void b3HeadersAreContinuedThroughRomeoIntoJuliet() {
        String traceId = TraceIds.traceId();
        String callerSpanId = TraceIds.spanId();

        given().header("X-B3-TraceId", traceId).header("X-B3-SpanId", callerSpanId).header("X-B3-Sampled", "1")
                .accept("application/json").get("/call-juliet").then().statusCode(200);

        assertOneChainOfSpans(traceId, callerSpanId);
    }

    @Test
    void callerThatDidNotSampleGetsNoSpans() {
        String unsampled = TraceIds.traceId();
        given().header("traceparent", "00-" + unsampled + "-" + TraceIds.spanId() + "-00")
                .get("/call-juliet").then().statusCode(200);
        // A sampled call made after it: once its spans are in, the earlier call's would be too.
        String sampled = TraceIds.traceId();
        given().header("traceparent", "00-" + sampled + "-" + TraceIds.spanId() + "-01")
                .get("/call-juliet").then().statusCode(200);
        receiver.awaitSpan(sampled, span -> span.service().equals("juliet"));
        receiver.awaitSpan(sampled, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_SERVER);

        assertEquals(List.of(), receiver.spansOf(unsampled), "spans of a trace its caller did not sample");
    }

    @Test
    void logLinesWrittenDuringACallCarryItsTraceAndSpan() throws IOException {
        String traceId = TraceIds.traceId();
        juliet.stop(); // a refused call is one Romeo logs (at DEBUG)
        try {
            given().header("traceparent", "00-" + traceId + "-" + TraceIds.spanId() + "-01")
                    .get("/call-juliet").then().statusCode(503);
        } finally {
            juliet.restart();
        }

        JsonNode line = logLineOfTrace(traceId)
                .orElseThrow(() -> new AssertionError("no log line of trace " + traceId + " in " + JsonLogFileProfile.LOG_FILE));
        ReceivedSpan romeoServer = receiver.awaitSpan(traceId, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_SERVER);
        assertEquals(romeoServer.spanId(), line.path("mdc").path("spanId").asText(), "span id of the log line: " + line);
    }

    private void assertOneChainOfSpans(String traceId, String callerSpanId) {
        // Each service exports in its own batches: wait for all three before reading the chain.
        ReceivedSpan julietServer = receiver.awaitSpan(traceId, span -> span.service().equals("juliet"));
        receiver.awaitSpan(traceId, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_CLIENT);
        receiver.awaitSpan(traceId, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_SERVER);
        List<ReceivedSpan> spans = receiver.spansOf(traceId);
        ReceivedSpan romeoServer = only(spans, "romeo", SpanKind.SPAN_KIND_SERVER);
        ReceivedSpan romeoClient = only(spans, "romeo", SpanKind.SPAN_KIND_CLIENT);

        assertEquals(SpanKind.SPAN_KIND_SERVER, julietServer.kind(), "Juliet's span kind");
        assertEquals(callerSpanId, romeoServer.parentSpanId(), "Romeo's server span continues the caller's span");
        assertEquals(romeoServer.spanId(), romeoClient.parentSpanId(), "Romeo's call to Juliet is made inside his request");
        assertEquals(romeoClient.spanId(), julietServer.parentSpanId(), "Juliet's server span continues Romeo's client span");
        assertEquals(3, spans.size(), () -> "spans of the trace: " + spans);
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String service, SpanKind kind) {
        List<ReceivedSpan> matching = spans.stream().filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertEquals(1, matching.size(), () -> service + " " + kind + " spans among " + spans);
        return matching.get(0);
    }

    private static Optional<JsonNode> logLineOfTrace(String traceId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of(JsonLogFileProfile.LOG_FILE));
        assertFalse(lines.isEmpty(), "Romeo wrote no log lines");
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertTrue(entry.isObject(), "not a JSON log line: " + line);
            if (entry.path("mdc").path("traceId").asText().equals(traceId)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
