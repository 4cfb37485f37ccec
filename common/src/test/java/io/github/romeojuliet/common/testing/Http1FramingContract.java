package io.github.romeojuliet.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9112 framing over a raw socket: a request the service cannot frame safely gets 400 and a
 * closed connection, and nothing sent after it on that connection is answered as a request.
 */
public abstract class Http1FramingContract {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d \\d{3}");
    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /** A path the service answers 200 to GET. */
    protected abstract String cheapPath();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "unknown transfer coding|GET %s HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: xchunked\r\n\r\n" + SMUGGLED,
        "two Host headers|GET %s HTTP/1.1\r\nHost: localhost\r\nHost: elsewhere\r\n\r\n" + SMUGGLED,
        "HTTP/9.9|GET %s HTTP/9.9\r\nHost: localhost\r\n\r\n" + SMUGGLED,
    })
    void badFramingIsRefusedAndTheConnectionClosed(String badRequest) throws Exception {
        String request = badRequest.substring(badRequest.indexOf('|') + 1).formatted(cheapPath());
        String answer = exchange(request);
        // The status line echoes the version asked for (HTTP/9.9 400): Vert.x writes it, see docs/failures.md.
        assertTrue(answer.matches("(?s)HTTP/\\d\\.\\d 400 .*"), () -> "not a 400:\n" + answer);
        assertEquals(1, STATUS_LINE.matcher(answer).results().count(), () -> "more than one answer:\n" + answer);
    }

    @Test
    void wellFramedRequestsOnOneConnectionAreAnswered() throws Exception {
        String twice = "GET %1$s HTTP/1.1\r\nHost: localhost\r\n\r\nGET %1$s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String answer = exchange(twice.formatted(cheapPath()));
        assertEquals(2, STATUS_LINE.matcher(answer).results().filter(line -> line.group().endsWith(" 200")).count(),
                () -> "not two 200s:\n" + answer);
    }

    /** Sends the bytes and reads until the service closes the connection; a 5 s wait without it fails. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    received.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the connection stayed open after:\n" + received.toString(StandardCharsets.ISO_8859_1));
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
