package io.github.romeojuliet.common.shutdown;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import sun.misc.Signal;

/**
 * Ends a SIGTERM stop that ran its course with exit code 0, not the JVM's 143, which Kubernetes and
 * systemd read as a failure. {@code System.exit} runs the same shutdown hook as the signal (drain
 * included) and holds a second SIGTERM or a SIGINT until it ends; {@code Quarkus.asyncExit} would not.
 * Only in a packaged run: tests and dev mode belong to Maven's fork or the dev launcher.
 */
public class SigtermHandler {

    private static final int STOPPED_AS_ASKED = 0;

    void install(@Observes StartupEvent started) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Signal.handle(new Signal("TERM"), signal -> System.exit(STOPPED_AS_ASKED));
        }
    }
}
