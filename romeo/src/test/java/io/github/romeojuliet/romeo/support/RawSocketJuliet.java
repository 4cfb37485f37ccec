package io.github.romeojuliet.romeo.support;

import io.github.romeojuliet.common.testing.LoopbackServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Juliet on a plain loopback socket, for the failures only a socket can make for real:
 * a reset, an answer cut off in the middle of its body, and a Juliet who reads the request and
 * never answers.
 */
public class RawSocketJuliet implements QuarkusTestResourceLifecycleManager, AutoCloseable {

    public enum Behaviour { RESET, CLOSE_MID_BODY, FREEZE }

    private static volatile RawSocketJuliet current;
    private volatile Behaviour behaviour = Behaviour.RESET;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile CompletableFuture<Duration> heldFor = new CompletableFuture<>();
    private LoopbackServer server;

    public static RawSocketJuliet current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        server = LoopbackServer.serve("raw-socket-juliet", this::serve);
        current = this;
        return Map.of("quarkus.rest-client.juliet.url", server.url());
    }

    public void behave(Behaviour next) {
        behaviour = next;
        requests.set(0);
        heldFor = new CompletableFuture<>();
    }

    /** How long the last frozen request was held before Romeo closed its connection. */
    public CompletableFuture<Duration> heldFor() {
        return heldFor;
    }

    public int requests() {
        return requests.get();
    }

    private void serve(Socket connection) {
        try {
            readRequestHead(connection.getInputStream());
            requests.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            switch (behaviour) {
                case RESET -> connection.setSoLinger(true, 0); // closing now sends RST, not FIN
                case CLOSE_MID_BODY -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nHello Ro")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case FREEZE -> {
                    long arrived = System.nanoTime();
                    connection.getInputStream().read(); // until Romeo gives up and closes
                    heldFor.complete(Duration.ofNanos(System.nanoTime() - arrived));
                }
            }
        } catch (IOException gone) {
            // Romeo closed first: nothing left to do
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int read = in.read(); read >= 0; read = in.read()) {
            matched = read == end[matched] ? matched + 1 : (read == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
        throw new IOException("connection closed before a whole request head");
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        server.close();
    }
}
