package io.github.romeojuliet.romeo.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every event loop keeps its own client to Juliet, the same one call after call, and calls made
 * off the event loops share another; each of them reaches Juliet.
 */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class EventLoopRestClientsTest {

    // Shared with the other classes on this resource, which may have left her failing.
    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Inject
    EventLoopRestClients clients;

    @Inject
    Vertx vertx;

    @Test
    void eachEventLoopKeepsItsOwnClient() throws Exception {
        juliet.reset();
        List<EventExecutor> loops = new ArrayList<>();
        vertx.nettyEventLoopGroup().forEach(loops::add);
        Map<JulietRestClient, EventExecutor> owners = new IdentityHashMap<>();
        for (EventExecutor loop : loops) {
            JulietRestClient first = loop.submit(clients::current).get(5, TimeUnit.SECONDS);
            JulietRestClient again = loop.submit(clients::current).get(5, TimeUnit.SECONDS);
            assertSame(first, again, "a loop must keep its client");
            owners.put(first, loop);
        }
        assertEquals(loops.size(), owners.size(), "one client per event loop: " + owners.values());
        JulietRestClient offLoop = clients.current();
        owners.keySet().forEach(onLoop -> assertNotSame(offLoop, onLoop, "calls off the loops share their own client"));
        assertSame(offLoop, clients.current());

        owners.put(offLoop, null);
        for (JulietRestClient client : owners.keySet()) {
            assertEquals("Hello Romeo, this is Juliet.",
                    client.greetAsText().await().atMost(Duration.ofSeconds(5)).readEntity(String.class));
        }
    }
}
