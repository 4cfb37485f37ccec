package io.github.romeojuliet.common.settings;

import io.quarkus.runtime.Quarkus;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * How a service refuses its settings: one line per problem, naming the property and the environment
 * variable that sets it, then exit code 2, so a Deployment's logs say what to fix.
 */
public final class BadSettings {

    public static final int EXIT_CODE = 2;
    static final String PREFIX = "bad setting: ";
    private static final Logger LOG = Logger.getLogger(BadSettings.class);

    private BadSettings() {
    }

    /** {@code property} and its variable as the operator sets it, e.g. {@code juliet.fault.latency (JULIET_FAULT_LATENCY)}. */
    public static String named(String property) {
        return property + " (" + property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + ")";
    }

    /**
     * A validator's "property rule" with the variable added after the property. SmallRye names a
     * nested group by its method ({@code circuitBreaker}), so the path is put back in kebab case.
     */
    static String withVariable(String problem) {
        int space = problem.indexOf(' ');
        if (space < 0) {
            return problem;
        }
        String property = problem.substring(0, space).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return named(property) + problem.substring(space);
    }

    /** Logs each problem on its own line; true when there was any. */
    public static boolean report(List<String> problems) {
        problems.forEach(problem -> LOG.error(PREFIX + problem));
        return !problems.isEmpty();
    }

    /** For problems found once the application runs: stops it with the bad-settings exit code. */
    public static void refuse(List<String> problems) {
        if (report(problems)) {
            Quarkus.asyncExit(EXIT_CODE);
        }
    }
}
