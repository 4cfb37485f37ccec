package io.github.romeojuliet.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A plain TCP server on a free loopback port for stand-ins that must misbehave below HTTP: each
 * connection is handed to the test's code on a thread of its own, and closed when that returns.
 */
public final class LoopbackServer implements AutoCloseable {

    private final ServerSocket server;

    private LoopbackServer(ServerSocket server) {
        this.server = server;
    }

    public static LoopbackServer serve(String name, Consumer<Socket> connection) {
        LoopbackServer loopback;
        try {
            loopback = new LoopbackServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> loopback.accept(name, connection), name);
        acceptor.setDaemon(true);
        acceptor.start();
        return loopback;
    }

    /** The loopback URL a client is given, http://127.0.0.1:port. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept(String name, Consumer<Socket> connection) {
        while (!server.isClosed()) {
            try {
                Socket accepted = server.accept();
                Thread serving = new Thread(() -> {
                    try (accepted) {
                        connection.accept(accepted);
                    } catch (IOException alreadyClosed) {
                        // the client left first
                    }
                }, name + "-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException alreadyClosed) {
            // nothing left to close
        }
    }
}
