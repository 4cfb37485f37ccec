package io.github.romeojuliet.juliet.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything an operator may change about how Juliet answers, read from {@code juliet.*} with its
 * defaults in application.properties. A bad value stops Juliet at start, so a variant with a blank
 * greeting or an error rate of 20 (meant: 0.2) never reaches the A/B split.
 */
@ConfigMapping(prefix = "juliet")
public interface JulietConfig {

    /** The text Romeo hears; A/B variants override it to tell themselves apart. */
    @NotBlank(message = "must not be blank: it is what Romeo hears")
    String greeting();

    /** The version Juliet reports; a variant sets its own, otherwise the application version. */
    @NotBlank(message = "must not be blank: A/B routing and metrics tell variants apart by it")
    String version();

    /**
     * The pod that answers. Kubernetes passes it through the downward API as {@code POD_NAME};
     * elsewhere the host name stands in for it.
     */
    Optional<String> pod();

    /** Faults to rehearse a bad variant behind the A/B routing; none by default. */
    @Valid
    Fault fault();

    interface Fault {

        /** Added before every greeting is answered (JULIET_FAULT_LATENCY, e.g. 300ms). */
        @DurationMin(millis = 0, message = "must be 0 or more")
        Duration latency();

        /** The share of greetings answered 500 instead (JULIET_FAULT_ERROR_RATE, e.g. 0.2). */
        @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1")
        double errorRate();

        default boolean any() {
            return !latency().isZero() || errorRate() > 0;
        }
    }
}
