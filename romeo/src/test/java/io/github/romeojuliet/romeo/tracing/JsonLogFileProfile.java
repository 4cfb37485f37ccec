package io.github.romeojuliet.romeo.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Romeo writes its log as JSON lines to a file, as in a pod, with its own classes at DEBUG. */
public class JsonLogFileProfile implements QuarkusTestProfile {

    static final String LOG_FILE = "target/tracing-romeo.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG_FILE,
                "quarkus.log.file.json.enabled", "true",
                "quarkus.log.file.rotation.rotate-on-boot", "true",
                "quarkus.log.category.\"io.github.romeojuliet\".level", "DEBUG");
    }
}
