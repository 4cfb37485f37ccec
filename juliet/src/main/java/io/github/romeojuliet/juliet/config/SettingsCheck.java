package io.github.romeojuliet.juliet.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refuses bad settings at start, one line each naming the property, its value and the rule: a
 * variant with a blank greeting or an error rate of 20 (meant: 0.2) must not reach the A/B split.
 */
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class);
    static final int BAD_SETTINGS = 2;

    void check(@Observes StartupEvent started, JulietConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.greeting().isBlank()) {
            problems.add("juliet.greeting must not be blank: it is what Romeo hears");
        }
        if (config.version().isBlank()) {
            problems.add("juliet.version must not be blank: A/B routing and metrics tell variants apart by it");
        }
        JulietConfig.Fault fault = config.fault();
        if (fault.latency().isNegative()) {
            problems.add("juliet.fault.latency=" + fault.latency().toMillis() + "ms must be 0 or more");
        }
        if (!(fault.errorRate() >= 0 && fault.errorRate() <= 1)) {
            problems.add("juliet.fault.error-rate=" + fault.errorRate() + " must be between 0 and 1");
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.error("bad setting: " + problem));
            Quarkus.asyncExit(BAD_SETTINGS);
        }
    }
}
