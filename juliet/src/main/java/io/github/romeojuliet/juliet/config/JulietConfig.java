package io.github.romeojuliet.juliet.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything an operator may change about how Juliet answers, read from {@code juliet.*}. */
@ConfigMapping(prefix = "juliet")
public interface JulietConfig {

    /** The text Romeo hears; A/B variants override it to tell themselves apart. */
    @WithDefault("Hello Romeo, this is Juliet.")
    String greeting();

    /** The version Juliet reports; a variant sets its own, otherwise the application version. */
    String version();

    /**
     * The pod that answers. Kubernetes passes it through the downward API as {@code POD_NAME};
     * elsewhere the host name stands in for it.
     */
    Optional<String> pod();

    /** Faults to rehearse a bad variant behind the A/B routing; none by default. */
    Fault fault();

    interface Fault {

        /** Added before every greeting is answered (JULIET_FAULT_LATENCY, e.g. 300ms). */
        Duration latency();

        /** The share of greetings answered 500 instead, from 0 to 1 (JULIET_FAULT_ERROR_RATE). */
        double errorRate();

        default boolean any() {
            return !latency().isZero() || errorRate() > 0;
        }
    }
}
