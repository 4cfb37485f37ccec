package io.github.romeojuliet.romeo.client.metrics;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A Romeo told, as the chart tells him, that Juliets v1 and v2 may answer him. */
public class TwoVariantsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("romeo.juliet.versions", "v1,v2");
    }
}
