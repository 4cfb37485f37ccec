package io.github.romeojuliet.juliet.logging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FileLoggingProfile.class)
class FileLoggingTest {

    @Test
    void writesJsonLinesToTheConfiguredFile() throws IOException {
        Path file = Path.of(FileLoggingProfile.LOG_FILE);
        assertTrue(Files.isRegularFile(file), "no log file at " + file.toAbsolutePath());
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("{") && line.contains("\"message\":\"juliet ")),
                () -> "no JSON start-up line in " + lines);
    }
}
