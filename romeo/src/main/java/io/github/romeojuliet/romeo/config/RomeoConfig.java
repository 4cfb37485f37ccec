package io.github.romeojuliet.romeo.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything an operator may change about how Romeo calls Juliet, read from {@code romeo.*}. The
 * figures live in application.properties and nowhere else; Juliet's address and the HTTP
 * client's own connect and read timeouts are {@code quarkus.rest-client.juliet.*}.
 */
@ConfigMapping(prefix = "romeo")
public interface RomeoConfig {

    /** RFC 9110 token characters: what a header or cookie name may be made of. */
    String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    String NOT_A_NAME = "has '${validatedValue}', which is not a valid header or cookie name";

    /**
     * Request headers copied onto the call to Juliet, so an Ingress or Gateway between the two can
     * route it by header. Anything not listed stays with Romeo.
     */
    Set<@Pattern(regexp = TOKEN, message = NOT_A_NAME) String> forwardHeaders();

    /** Cookies copied onto the call to Juliet, for cookie-based A/B routing. */
    Set<@Pattern(regexp = TOKEN, message = NOT_A_NAME) String> forwardCookies();

    /**
     * The longest value of a forwarded header or cookie; a request with a longer one, or with a hint
     * sent more than once, is refused at Romeo's edge.
     */
    @Positive(message = "must be 1 or more")
    int routingHintMaxLength();

    /** How hard Romeo tries before it tells its caller that Juliet failed. */
    @Valid
    Calls calls();

    /** What Romeo knows about the Juliets he may reach. */
    Juliet juliet();

    interface Juliet {

        /**
         * The versions of the Juliet variants Romeo may reach (ROMEO_JULIET_VERSIONS, comma-separated;
         * the chart sets it from the enabled variants). Their call series exist from start, so an
         * A/B comparison reads zero, not nothing, for a variant not called yet.
         */
        Optional<Set<String>> versions();
    }

    interface Calls {

        /**
         * The longest a call to Juliet may take, retries and waits included, whatever Juliet does:
         * frozen, slow to resolve, trickling her answer, or the connection pool exhausted.
         */
        Duration deadline();

        @Valid
        Retry retry();

        @Valid
        CircuitBreaker circuitBreaker();
    }

    /** Retries of the idempotent greeting, so one pod being replaced behind the Service goes unnoticed. */
    interface Retry {

        @PositiveOrZero(message = "must be 0 or more")
        int maxRetries();

        @DurationMin(millis = 0, message = "must be 0 or more")
        Duration delay();

        /** Spreads retries out so callers that failed together do not all come back together. */
        @DurationMin(millis = 0, message = "must be 0 or more")
        Duration jitter();
    }

    /** Stops Romeo from queueing calls on a Juliet that is plainly gone. */
    interface CircuitBreaker {

        boolean enabled();

        /**
         * How many recent calls (not attempts: a call's retries are one call) the failure ratio is
         * taken over. Large enough that one Juliet pod restarting does not open it for everybody.
         */
        @Positive(message = "must be 1 or more")
        int requestVolumeThreshold();

        @DecimalMin(value = "0", inclusive = false, message = "must be above 0 and at most 1")
        @DecimalMax(value = "1", message = "must be above 0 and at most 1")
        double failureRatio();

        /** How long the circuit stays open before one trial call is let through. */
        @DurationMin(millis = 0, inclusive = false, message = "must be above 0")
        Duration delay();
    }
}
