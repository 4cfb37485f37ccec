package io.github.romeojuliet.juliet.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The settings the chart gives a second Juliet variant. */
public class VariantV2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "juliet.greeting", "Hello Romeo, this is Juliet v2.",
                "juliet.version", "v2",
                "juliet.pod", "juliet-v2-7c9d8-abcde");
    }
}
