package io.github.romeojuliet.common.settings;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.ConfigValidationException;
import org.jboss.logging.Logger;

/**
 * Both services' entry point. Bean Validation refuses a bad {@code @ConfigMapping} value before the
 * application starts; this turns that refusal into {@link BadSettings}' lines and exit code, where
 * Quarkus would print one block and exit 1. Any other start failure is logged and ends as Quarkus's would.
 */
@QuarkusMain
public class ServiceMain {

    private static final Logger LOG = Logger.getLogger(ServiceMain.class);

    public static void main(String... args) {
        Quarkus.run(null, ServiceMain::exit, args);
    }

    private static void exit(int code, Throwable failure) {
        ConfigValidationException invalid = validationFailure(failure);
        if (invalid != null) {
            // Logging is not set up yet: plain lines on stderr, as Quarkus prints its own config errors.
            for (int i = 0; i < invalid.getProblemCount(); i++) {
                System.err.println(BadSettings.PREFIX + BadSettings.withVariable(invalid.getProblem(i).getMessage()));
            }
            System.exit(BadSettings.EXIT_CODE);
        }
        if (failure != null) {
            LOG.error("Failed to start application", failure);
        }
        System.exit(code);
    }

    private static ConfigValidationException validationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigValidationException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
