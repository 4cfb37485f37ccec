package io.github.romeojuliet.romeo.client.transport;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpClientConnection;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.client.impl.ClientImpl;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;

/**
 * Sends the calls an event loop starts in one turn to Juliet in one socket write (Netty's flush
 * consolidation) instead of one write per call; nothing waits for more calls. The REST client hides
 * its Vert.x client, so this filter reaches it through each client's first request; over HTTP/1.1 there
 * is nothing to batch and nothing is installed.
 */
@Singleton
public class BatchedWritesToJuliet implements ResteasyReactiveClientRequestFilter {

    private static final String HANDLER_NAME = "romeo-batched-writes";

    private final boolean http2;
    private final Set<HttpClient> prepared = ConcurrentHashMap.newKeySet();

    BatchedWritesToJuliet(@ConfigProperty(name = "quarkus.rest-client.juliet.http2", defaultValue = "false") boolean http2) {
        this.http2 = http2;
    }

    @Override
    // Deprecated for Vert.x's client builder, which the REST client keeps to itself.
    @SuppressWarnings("deprecation")
    public void filter(ResteasyReactiveClientRequestContext request) {
        if (http2 && request.getClient() instanceof ClientImpl client) {
            HttpClient connections = client.getVertxHttpClient();
            if (!prepared.contains(connections) && prepared.add(connections)) {
                connections.connectionHandler(BatchedWritesToJuliet::batchWrites);
            }
        }
    }

    private static void batchWrites(HttpConnection connection) {
        // Vert.x's public connection type does not show its channel; its client connections do.
        if (connection instanceof HttpClientConnection client) {
            client.channel().pipeline().addFirst(HANDLER_NAME, new FlushConsolidationHandler(
                    FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        }
    }
}
