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
import io.github.romeojuliet.romeo.support.TracedRealJuliet;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
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

    private static final Duration EXPORT_WAIT = Duration.ofSeconds(10);

    @InjectOtlpReceiver
    OtlpReceiver receiver;

    @InjectRealJuliet
    RealJuliet juliet;

    @Test
    void traceparentIsContinuedThroughRomeoIntoJuliet() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);

        given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .get("/call-juliet").then().statusCode(200);

        assertOneChainOfSpans(traceId, callerSpanId);
    }

    @Test
    void b3HeadersAreContinuedThroughRomeoIntoJuliet() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);

        given().header("X-B3-TraceId", traceId).header("X-B3-SpanId", callerSpanId).header("X-B3-Sampled", "1")
                .accept("application/json").get("/call-juliet").then().statusCode(200);

        assertOneChainOfSpans(traceId, callerSpanId);
    }

    @Test
    void callerThatDidNotSampleGetsNoSpans() {
        String unsampled = randomHex(16);
        given().header("traceparent", "00-" + unsampled + "-" + randomHex(8) + "-00")
                .get("/call-juliet").then().statusCode(200);
        // A sampled call made after it: once its spans are in, the earlier call's would be too.
        String sampled = randomHex(16);
        given().header("traceparent", "00-" + sampled + "-" + randomHex(8) + "-01")
                .get("/call-juliet").then().statusCode(200);
        awaitSpan(sampled, span -> span.service().equals("juliet"));
        awaitSpan(sampled, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_SERVER);

        assertEquals(List.of(), receiver.spansOf(unsampled), "spans of a trace its caller did not sample");
    }

    @Test
    void logLinesWrittenDuringACallCarryItsTraceAndSpan() throws IOException {
        String traceId = randomHex(16);
        juliet.stop(); // a refused call is one Romeo logs (at DEBUG)
        try {
            given().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                    .get("/call-juliet").then().statusCode(503);
        } finally {
            juliet.restart();
        }

        JsonNode line = logLineOfTrace(traceId)
                .orElseThrow(() -> new AssertionError("no log line of trace " + traceId + " in " + JsonLogFileProfile.LOG_FILE));
        ReceivedSpan romeoServer = awaitSpan(traceId, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_SERVER);
        assertEquals(romeoServer.spanId(), line.path("mdc").path("spanId").asText(), "span id of the log line: " + line);
    }

    private void assertOneChainOfSpans(String traceId, String callerSpanId) {
        // Each service exports in its own batches: wait for all three before reading the chain.
        ReceivedSpan julietServer = awaitSpan(traceId, span -> span.service().equals("juliet"));
        awaitSpan(traceId, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_CLIENT);
        awaitSpan(traceId, span -> span.service().equals("romeo") && span.kind() == SpanKind.SPAN_KIND_SERVER);
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

    private ReceivedSpan awaitSpan(String traceId, Predicate<ReceivedSpan> wanted) {
        Instant deadline = Instant.now().plus(EXPORT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<ReceivedSpan> found = receiver.spansOf(traceId).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("the span was not exported within " + EXPORT_WAIT + "; spans of trace " + traceId
                + ": " + receiver.spansOf(traceId));
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

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros, which W3C and B3 both treat as invalid
        return HexFormat.of().formatHex(id);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
