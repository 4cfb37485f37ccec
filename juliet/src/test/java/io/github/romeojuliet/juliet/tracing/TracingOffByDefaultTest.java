package io.github.romeojuliet.juliet.tracing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Without an OTLP endpoint the OpenTelemetry SDK is off, and Quarkus then installs neither its
 * Vert.x tracer nor its REST instrumentation: the greeting's hot path makes no span at all.
 */
@QuarkusTest
class TracingOffByDefaultTest {

    @Test
    void sdkIsOffWithoutAnEndpoint() {
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class),
                "OpenTelemetry's SDK is on with no OTEL_EXPORTER_OTLP_ENDPOINT set");
    }
}
