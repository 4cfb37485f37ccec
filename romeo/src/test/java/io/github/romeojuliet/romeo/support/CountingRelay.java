package io.github.romeojuliet.romeo.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a server that passes bytes both ways unchanged and counts the
 * reads that brought the client's bytes in. Each write a client makes on loopback is read whole,
 * so the count says in how many writes, at most, the client sent its requests: a number no HTTP
 * stand-in (WireMock included) can tell, as they see requests, not the writes that carried them.
 */
public final class CountingRelay implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicInteger clientReads = new AtomicInteger();
    private final ExecutorService pumps = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "counting-relay");
        thread.setDaemon(true);
        return thread;
    });

    public CountingRelay(int serverPort) {
        this.serverPort = serverPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pumps.execute(this::acceptClients);
    }

    public String url() {
        return "http://localhost:" + listener.getLocalPort();
    }

    /** How many reads brought bytes from clients to the relay, over all connections so far. */
    public int clientReads() {
        return clientReads.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway: the pumps end with their sockets.
        }
        pumps.shutdownNow();
    }

    private void acceptClients() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                pumps.execute(() -> pump(client, server, clientReads));
                pumps.execute(() -> pump(server, client, new AtomicInteger()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicInteger reads) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                reads.incrementAndGet();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // One side went away; closing both ends the other pump too.
        }
    }
}
