package io.github.romeojuliet.romeo.client.transport;

import io.vertx.core.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One typed REST client to Juliet per event loop, each with its own connection pool. A pooled
 * connection belongs to the event loop that opened it, and Vert.x hands out whichever connection
 * is free: with one pool shared by two event loops about half the calls wrote their request and
 * read Juliet's answer on the other loop, two hand-offs between threads per call. With a pool per
 * loop, a call opened on a loop only ever uses that loop's connections.
 *
 * <p>Each client is built by Quarkus from {@code quarkus.rest-client.juliet.*} (the client's scope
 * there is {@code @Dependent}, so each lookup builds a new one), with every setting the single
 * client had. Calls made off the event loops share one more.
 */
@Singleton
public class EventLoopRestClients {

    private final Instance<JulietRestClient> factory;
    private final JulietRestClient offLoop;
    private final Map<Thread, JulietRestClient> byEventLoop = new ConcurrentHashMap<>();

    EventLoopRestClients(@RestClient Instance<JulietRestClient> factory) {
        this.factory = factory;
        this.offLoop = factory.get();
    }

    /** The client owned by the event loop running this call, or the shared one off the event loops. */
    public JulietRestClient current() {
        if (!Context.isOnEventLoopThread()) {
            return offLoop;
        }
        Thread loop = Thread.currentThread();
        JulietRestClient client = byEventLoop.get(loop);
        return client != null ? client : byEventLoop.computeIfAbsent(loop, ignored -> factory.get());
    }

    /** Closes every client and its connections when Romeo stops. */
    @PreDestroy
    void close() {
        byEventLoop.values().forEach(factory::destroy);
        byEventLoop.clear();
        factory.destroy(offLoop);
    }
}
