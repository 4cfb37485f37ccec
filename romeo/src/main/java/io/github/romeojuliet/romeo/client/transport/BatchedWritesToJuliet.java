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
 * Over HTTP/2 an event loop's calls to Juliet share one connection, yet Vert.x writes each request
 * to the socket on its own: one system call per call, and more reads on Juliet's side. Netty's
 * flush consolidation holds a connection's writes until the loop has run the tasks already queued
 * and then sends them in one write, so the calls a loop starts in one turn leave together. Nothing
 * waits for more calls to come: the write goes out as soon as the loop's current work is done.
 *
 * <p>The REST client builds its Vert.x client privately, so this filter reaches it through the first
 * request each client makes and gives it a connection handler; every connection that client opens
 * from then on, the first one included, batches its writes. Over HTTP/1.1 a connection carries one
 * call at a time and there is nothing to batch, so nothing is installed.
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
