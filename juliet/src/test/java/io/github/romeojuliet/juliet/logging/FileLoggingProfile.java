package io.github.romeojuliet.juliet.logging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** What the chart's log sidecar switches on: JSON lines in a file it can tail. */
public class FileLoggingProfile implements QuarkusTestProfile {

    // One file per test JVM, so a file left by an earlier run can never make the test pass.
    static final String LOG_FILE = "target/file-logging-test/juliet-" + ProcessHandle.current().pid() + ".log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG_FILE);
    }
}
