package io.github.romeojuliet.romeo.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.romeo.client.JulietClient;
import io.github.romeojuliet.romeo.support.CountingRelay;
import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.RelayedScriptedJulietResource;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The calls an event loop starts in one turn leave for Juliet in one write over their shared
 * HTTP/2 connection, and each still gets its own answer.
 */
@QuarkusTest
@WithTestResource(RelayedScriptedJulietResource.class)
class BatchedWritesTest {

    private static final int CALLS = 20;

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @InjectScriptedJuliet
    CountingRelay relay;

    @Inject
    JulietClient client;

    @Inject
    Vertx vertx;

    @Test
    void callsStartedInOneTurnLeaveInOneWrite() throws Exception {
        Context loop = vertx.getOrCreateContext();
        // Until a first call has upgraded the loop's connection to HTTP/2, calls wait for it.
        callsFrom(loop, 1).get(10, TimeUnit.SECONDS);
        callsFrom(loop, 1).get(10, TimeUnit.SECONDS);
        int readsBefore = relay.clientReads();
        int requestsBefore = juliet.requests();

        List<String> answers = callsFrom(loop, CALLS).get(10, TimeUnit.SECONDS);

        assertEquals(List.of("Hello Romeo, this is Juliet."), answers.stream().distinct().toList());
        assertEquals(CALLS, juliet.requests() - requestsBefore, "each call reached Juliet once");
        assertEquals(1, relay.clientReads() - readsBefore, "writes that carried the calls to Juliet");
    }

    /** Starts {@code count} calls in one task on the event loop and waits for all their answers. */
    private CompletableFuture<List<String>> callsFrom(Context loop, int count) {
        CompletableFuture<List<String>> all = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int call = 0; call < count; call++) {
                calls.add(client.greetAsText().map(answer -> answer.greeting().message())
                        .subscribeAsCompletionStage());
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .thenRun(() -> all.complete(calls.stream().map(CompletableFuture::join).toList()))
                    .exceptionally(failure -> {
                        all.completeExceptionally(failure);
                        return null;
                    });
        });
        return all;
    }
}
