package io.github.romeojuliet.common.shutdown;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import sun.misc.Signal;

/**
 * Makes a stop asked for with SIGTERM end with exit code 0 once it has run its course. The JVM's
 * own handler, and the one GraalVM installs in native executables, shut down exactly as this one
 * does but report 128 + 15 = 143, which Kubernetes shows as a container that ended in error and
 * systemd counts as a failed unit, after a stop that went as planned.
 * <p>
 * {@code System.exit} starts the same shutdown as the signal would (Quarkus's shutdown hook turns
 * readiness DOWN, waits out the drain delay and lets calls in flight finish), so only the code
 * changes. While that shutdown runs, the JVM holds any further exit request: a second SIGTERM or a
 * SIGINT cannot cut the drain short. {@code Quarkus.asyncExit(0)} would stop the application
 * from the main thread instead, with Quarkus's shutdown hook already removed, and then a SIGINT
 * during the drain ends the process at once, cutting every call in flight.
 * <p>
 * {@code sun.misc.Signal} is the signal API JEP 260 keeps open (module jdk.unsupported). Native
 * executables support it at run time, and the exit handlers GraalVM installs there (Quarkus asks
 * for them) are the JVM's own, which this handler replaces in the same way.
 * <p>
 * Only in a packaged run: under {@code @QuarkusTest} and in dev mode the JVM belongs to Maven's
 * test fork or to the dev-mode launcher, which keep their own handling.
 */
public class SigtermHandler {

    private static final int STOPPED_AS_ASKED = 0;

    void install(@Observes StartupEvent started) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Signal.handle(new Signal("TERM"), signal -> System.exit(STOPPED_AS_ASKED));
        }
    }
}
