package io.github.romeojuliet.common.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** One worker thread only, so a test can occupy it and see what still answers without it. */
public class SingleWorkerThreadProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.thread-pool.core-threads", "1",
                "quarkus.thread-pool.max-threads", "1");
    }
}
