package io.github.romeojuliet.common.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP/2 connection (h2c, prior knowledge) that opens many streams at once and never lets the
 * server answer them (its receive window is 0), as the attack that once pinned an event loop did.
 * Written frame by frame: a well-behaved client library would respect the server's stream limit.
 */
public final class Http2StreamFlood implements AutoCloseable {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADERS = 0x1;
    private static final int RST_STREAM = 0x3;
    private static final int SETTINGS = 0x4;
    private static final int GOAWAY = 0x7;
    private static final int MAX_CONCURRENT_STREAMS = 0x3;
    private static final int INITIAL_WINDOW_SIZE = 0x4;
    private static final int REFUSED_STREAM = 0x7;

    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong advertisedLimit = new AtomicLong(-1);
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread reader;
    private volatile boolean settingsAcknowledged;
    private volatile boolean endedByServer;

    public Http2StreamFlood(String host, int port) throws IOException {
        socket = new Socket(host, port);
        out = socket.getOutputStream();
        out.write(PREFACE);
        frame(SETTINGS, 0, 0, ByteBuffer.allocate(6).putShort((short) INITIAL_WINDOW_SIZE).putInt(0).array());
        reader = new Thread(this::read, "http2-stream-flood");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the server's SETTINGS (acknowledged by the reader), after which its limits apply. */
    public void awaitSettings() throws InterruptedException {
        for (int wait = 0; wait < 100 && !settingsAcknowledged; wait++) {
            Thread.sleep(20);
        }
    }

    /** Opens this many streams, each a GET of {@code path} the server may not answer (window 0). */
    public void open(int streams, String path) throws IOException {
        byte[] block = headerBlock(path);
        for (int stream = 0; stream < streams; stream++) {
            frame(HEADERS, 0x5, 2 * stream + 1, block); // END_STREAM | END_HEADERS
        }
        out.flush();
    }

    /** The server's SETTINGS_MAX_CONCURRENT_STREAMS, or -1 when it advertised none. */
    public long advertisedLimit() {
        return advertisedLimit.get();
    }

    /** Whether the server sent GOAWAY or closed the connection: what Netty does to a client that keeps opening refused streams. */
    public boolean endedByServer() {
        return endedByServer;
    }

    /** Streams the server refused (RST_STREAM with REFUSED_STREAM). */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // :method GET, :scheme http and :path from HPACK's static table; the path and :authority as literals.
    private static byte[] headerBlock(String path) {
        byte[] pathBytes = path.getBytes(StandardCharsets.US_ASCII);
        byte[] authority = "localhost".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer block = ByteBuffer.allocate(4 + pathBytes.length + 2 + authority.length);
        block.put((byte) 0x82).put((byte) 0x86);
        block.put((byte) 0x04).put((byte) pathBytes.length).put(pathBytes); // :path, literal without indexing
        block.put((byte) 0x01).put((byte) authority.length).put(authority); // :authority, literal without indexing
        return block.array();
    }

    private synchronized void frame(int type, int flags, int stream, byte[] payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(9);
        header.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
        header.put((byte) type).put((byte) flags).putInt(stream);
        out.write(header.array());
        out.write(payload);
    }

    private void read() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                in.readInt();
                byte[] payload = new byte[length];
                in.readFully(payload);
                ByteBuffer frame = ByteBuffer.wrap(payload);
                if (type == SETTINGS && (flags & 0x1) == 0) {
                    while (frame.remaining() >= 6) {
                        int id = frame.getShort() & 0xffff;
                        long value = frame.getInt() & 0xffffffffL;
                        if (id == MAX_CONCURRENT_STREAMS) {
                            advertisedLimit.set(value);
                        }
                    }
                    frame(SETTINGS, 0x1, 0, new byte[0]);
                    out.flush();
                    settingsAcknowledged = true;
                } else if (type == RST_STREAM && frame.getInt() == REFUSED_STREAM) {
                    refused.incrementAndGet();
                } else if (type == GOAWAY) {
                    endedByServer = true;
                    return;
                }
            }
        } catch (IOException closed) {
            endedByServer = !socket.isClosed();
        }
    }
}
