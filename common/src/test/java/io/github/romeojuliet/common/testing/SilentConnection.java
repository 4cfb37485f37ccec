package io.github.romeojuliet.common.testing;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A client that connects and never sends a byte, as an idle or slowloris connection does. */
public final class SilentConnection {

    private SilentConnection() {
    }

    /** How long the server kept the connection open; fails if it was still open after {@code atMost}. */
    public static Duration heldOpenBy(String host, int port, Duration atMost) throws IOException {
        try (Socket silent = new Socket(host, port)) {
            silent.setSoTimeout((int) atMost.toMillis());
            long opened = System.nanoTime();
            try {
                int read = silent.getInputStream().read();
                if (read != -1) {
                    throw new AssertionError("the server sent a byte to a client that asked nothing: " + read);
                }
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("a silent connection was still open after " + atMost.toMillis() + " ms");
            } catch (IOException reset) {
                // closed with a reset: closed all the same
            }
            return Duration.ofNanos(System.nanoTime() - opened);
        }
    }
}
