package io.github.romeojuliet.romeo.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP trace receiver on a real loopback port, as a collector would be: it accepts what the
 * services export to {@code /v1/traces} and decodes it with the official OTLP protobuf classes.
 */
public final class OtlpReceiver implements AutoCloseable {

    private static final String TRACES_PATH = "/v1/traces";
    // Each service exports in its own batches, a few per second in the tests.
    private static final Duration EXPORT_WAIT = Duration.ofSeconds(10);

    /** A span as received, with the {@code service.name} of the process that sent it. */
    public record ReceivedSpan(String service, Span span) {

        public String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        public String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        public String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        public Span.SpanKind kind() {
            return span.getKind();
        }
    }

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public OtlpReceiver() {
        server.start();
        server.stubFor(post(urlEqualTo(TRACES_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
    }

    /** The value of OTEL_EXPORTER_OTLP_ENDPOINT that points an exporter here (protocol http/protobuf). */
    public String endpoint() {
        return "http://localhost:" + server.port();
    }

    /** Every span received so far that belongs to the trace. */
    public List<ReceivedSpan> spansOf(String traceId) {
        List<ReceivedSpan> spans = new ArrayList<>();
        for (ServeEvent export : server.getAllServeEvents()) {
            if (!export.getRequest().getUrl().equals(TRACES_PATH)) {
                continue;
            }
            for (ResourceSpans resource : decode(export.getRequest().getBody()).getResourceSpansList()) {
                String service = serviceName(resource);
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        ReceivedSpan received = new ReceivedSpan(service, span);
                        if (received.traceId().equals(traceId)) {
                            spans.add(received);
                        }
                    }
                }
            }
        }
        return spans;
    }

    /** The first span of the trace that is wanted, waiting for the exports that may still bring it. */
    public ReceivedSpan awaitSpan(String traceId, Predicate<ReceivedSpan> wanted) {
        return awaitSpans(traceId, wanted, 1).get(0);
    }

    /** The trace's wanted spans once there are at least {@code count} of them. */
    public List<ReceivedSpan> awaitSpans(String traceId, Predicate<ReceivedSpan> wanted, int count) {
        Instant deadline = Instant.now().plus(EXPORT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<ReceivedSpan> found = spansOf(traceId).stream().filter(wanted).toList();
            if (found.size() >= count) {
                return found;
            }
            pause();
        }
        throw new AssertionError(count + " wanted spans were not exported within " + EXPORT_WAIT + "; spans of trace "
                + traceId + ": " + spansOf(traceId));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExportTraceServiceRequest decode(byte[] body) {
        try {
            return ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("an exporter sent something that is not an OTLP trace export", e);
        }
    }

    private static String serviceName(ResourceSpans resource) {
        return resource.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue)
                .map(value -> value.getStringValue())
                .findFirst()
                .orElse("");
    }

    @Override
    public void close() {
        server.stop();
    }
}
