package io.github.romeojuliet.romeo.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Points Romeo at a name under {@code .invalid}, which RFC 6761 reserves never to resolve, so every
 * lookup fails as it does for a misspelt Service name. Every other figure stays production's.
 */
public class UnresolvableJulietProfile implements QuarkusTestProfile {

    public static final String HOST = "juliet.invalid";
    public static final String URL = "http://" + HOST;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.rest-client.juliet.url", URL);
    }
}
