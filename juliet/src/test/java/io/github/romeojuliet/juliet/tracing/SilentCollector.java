package io.github.romeojuliet.juliet.tracing;

import io.github.romeojuliet.common.testing.LoopbackServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where Juliet's span exporter is pointed (its endpoint setting, not OTEL_EXPORTER_OTLP_ENDPOINT):
 * a loopback port that counts every connection made to it, so a test can see that nothing was sent.
 * Any exporter, gRPC or HTTP, must connect before it sends a byte.
 */
public class SilentCollector implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private LoopbackServer server;

    @Override
    public Map<String, String> start() {
        server = LoopbackServer.serve("silent-collector", exporter -> CONNECTIONS.incrementAndGet());
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", server.url(),
                // Were the SDK on, its spans would leave within a tenth of a second.
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        server.close();
    }
}
