package io.github.romeojuliet.juliet.tracing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where Juliet's span exporter is pointed (its endpoint setting, not OTEL_EXPORTER_OTLP_ENDPOINT):
 * a loopback port that counts every connection made to it, so a test can see that nothing was sent.
 * Any exporter, gRPC or HTTP, must connect before it sends a byte.
 */
public class SilentCollector implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket exporter = server.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-collector");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.getLocalPort(),
                // Were the SDK on, its spans would leave within a tenth of a second.
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
