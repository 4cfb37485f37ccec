package io.github.romeojuliet.romeo.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Juliet on a real loopback socket whose behaviour a test scripts: answer, answer
 * late, answer 500, or drop the connection without a word. It records what it was sent, so
 * tests can check what Romeo forwarded and how many attempts a call made.
 */
public final class ScriptedJuliet implements AutoCloseable {

    public enum Behaviour { ANSWER, ANSWER_LATE, FAIL_500, NOT_FOUND_404, DROP }

    public static final String VERSION = "scripted";
    private static final String BODY =
            "{\"message\":\"Hello Romeo, this is Juliet.\",\"version\":\"" + VERSION + "\",\"pod\":\"scripted-0\"}";

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Map<String, String>> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private volatile long lateByMillis = 5_000;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public ScriptedJuliet() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::acceptLoop);
    }

    public String url() {
        return "http://localhost:" + server.getLocalPort();
    }

    public void behave(Behaviour next) {
        behaviour = next;
    }

    public void answerLateBy(long millis) {
        lateByMillis = millis;
        behaviour = Behaviour.ANSWER_LATE;
    }

    /** Answers 500 to the next {@code count} requests, then behaves as before. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    public int requests() {
        return requests.get();
    }

    /** Headers of every request received, names lower-cased, oldest first. */
    public List<Map<String, String>> received() {
        return List.copyOf(received);
    }

    public void reset() {
        behaviour = Behaviour.ANSWER;
        requests.set(0);
        failuresLeft.set(0);
        received.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one bad accept must not stop the server
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Map<String, String> headers = readRequestHeaders(socket);
            requests.incrementAndGet();
            received.add(headers);
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                respond(socket, 500, "{\"error\":\"scripted failure\"}");
                return;
            }
            switch (behaviour) {
                case ANSWER -> respond(socket, 200, BODY);
                case ANSWER_LATE -> {
                    Thread.sleep(lateByMillis);
                    respond(socket, 200, BODY);
                }
                case FAIL_500 -> respond(socket, 500, "{\"error\":\"scripted failure\"}");
                case NOT_FOUND_404 -> respond(socket, 404, "{\"error\":\"no such path\"}");
                case DROP -> socket.setSoLinger(true, 0);
            }
        } catch (IOException | InterruptedException ignored) {
            // the client gave up first, which is what timeout tests expect
        }
    }

    private static Map<String, String> readRequestHeaders(Socket socket) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        Map<String, String> headers = new LinkedHashMap<>();
        String requestLine = reader.readLine();
        headers.put(":request", requestLine);
        for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim(),
                        (first, second) -> first + ", " + second);
            }
        }
        return headers;
    }

    private static void respond(Socket socket, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String reason = switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            default -> "Internal Server Error";
        };
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }
}
