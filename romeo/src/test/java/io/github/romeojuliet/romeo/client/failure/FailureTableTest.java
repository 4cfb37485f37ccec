package io.github.romeojuliet.romeo.client.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/failures.md and JulietFailure say the same: each slug in the table answers the status the table gives it. */
class FailureTableTest {

    private static final Path TABLE = Path.of("..", "docs", "failures.md");
    // Rows that are not a failure of the call: a retry that fits, and a caller refused at Romeo's edge.
    private static final Set<String> NOT_A_FAILURE = Set.of("-", "routing-hint-refused");

    @Test
    void everyRowNamesAFailureWithItsStatusAndEveryFailureHasARow() throws Exception {
        Set<String> documented = new HashSet<>();
        List<String> rows = Files.readAllLines(TABLE).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| Juliet (or"))
                .toList();
        assertTrue(rows.size() > 5, "no failure table in " + TABLE);
        for (String row : rows) {
            String[] cells = Arrays.stream(row.split("\\|")).map(String::trim).toArray(String[]::new);
            String slug = cells[3];
            if (NOT_A_FAILURE.contains(slug)) {
                continue;
            }
            JulietFailure failure = Arrays.stream(JulietFailure.values()).filter(each -> each.slug().equals(slug))
                    .findFirst().orElseThrow(() -> new AssertionError("no JulietFailure for '" + slug + "' in: " + row));
            assertEquals(failure.status(), Integer.parseInt(cells[2]), () -> "status of " + slug + " in: " + row);
            documented.add(slug);
        }
        assertEquals(Arrays.stream(JulietFailure.values()).map(JulietFailure::slug).collect(Collectors.toSet()),
                documented, "every JulietFailure has a row in " + TABLE);
    }
}
