package io.github.romeojuliet.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports nobody listens on, so tests never clash with each other or with make run. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago: bind to it, or expect connections to it to be refused. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
