package io.github.romeojuliet.juliet.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The standard OTEL_EXPORTER_OTLP_ENDPOINT alone switches tracing on. */
@QuarkusTest
@TestProfile(TracingOnWithEndpointTest.EndpointSet.class)
class TracingOnWithEndpointTest {

    public static class EndpointSet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Nothing listens there; the span this test makes is dropped after a failed export.
            return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:1");
        }
    }

    @Inject
    Tracer tracer;

    @Test
    void sdkIsOnAndRecords() {
        assertFalse(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class),
                "OpenTelemetry's SDK is off although OTEL_EXPORTER_OTLP_ENDPOINT is set");
        Span span = tracer.spanBuilder("probe").startSpan();
        try {
            assertTrue(span.isRecording(), "no span recorded with OTEL_EXPORTER_OTLP_ENDPOINT set");
        } finally {
            span.end();
        }
    }
}
