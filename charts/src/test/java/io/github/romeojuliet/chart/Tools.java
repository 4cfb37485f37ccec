package io.github.romeojuliet.chart;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Outside programs the tests run, found on PATH; make test installs nothing, so a missing one skips the test. */
final class Tools {

    private Tools() {
    }

    /** The program's path, or the calling test skipped with the reason and how to get the program. */
    static String onPath(String name, String howToGetIt) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        Assumptions.abort(name + " not found on PATH: skipped; " + howToGetIt);
        return null;
    }
}
