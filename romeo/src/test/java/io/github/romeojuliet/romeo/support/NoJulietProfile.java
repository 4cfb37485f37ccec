package io.github.romeojuliet.romeo.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Points Romeo at a loopback port that was free a moment ago, so every connection is refused. */
public class NoJulietProfile extends ShorterTimeoutsProfile {

    public static final String URL = "http://localhost:" + closedPort();

    @Override
    public Map<String, String> getConfigOverrides() {
        var overrides = new java.util.HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.rest-client.juliet.url", URL);
        return overrides;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
