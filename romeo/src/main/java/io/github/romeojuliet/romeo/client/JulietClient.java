package io.github.romeojuliet.romeo.client;

import io.github.romeojuliet.romeo.client.failure.JulietCallException;
import io.github.romeojuliet.romeo.client.failure.JulietFailureClassifier;
import io.github.romeojuliet.romeo.client.failure.JulietRejectedException;
import io.github.romeojuliet.romeo.client.metrics.CircuitLog;
import io.github.romeojuliet.romeo.client.metrics.GuardMetrics;
import io.github.romeojuliet.romeo.client.metrics.JulietCallMetrics;
import io.github.romeojuliet.romeo.client.transport.CallersContext;
import io.github.romeojuliet.romeo.client.transport.EventLoopRestClients;
import io.github.romeojuliet.romeo.config.RomeoConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Romeo's only way to reach Juliet, and the owner of every rule about it: one deadline over the whole
 * call, bounded retries inside it for what a retry can fix (docs/failures.md), and a circuit breaker
 * over whole calls. The guards work on the {@link Uni} with timers, so no thread waits on Juliet.
 */
@Singleton
public class JulietClient {

    private static final int OK = 200;
    private static final String VERSION_HEADER = "X-Juliet-Version";
    private static final String POD_HEADER = "X-Juliet-Pod";
    private static final TypeLiteral<Uni<JulietGreeting>> GREETING = new TypeLiteral<>() { };
    // The breaker's name for the maintenance API (its state, resets, state changes).
    static final String BREAKER = "juliet";

    private final String julietUrl;
    private final Duration readTimeout;
    private final EventLoopRestClients juliet;
    private final JulietFailureClassifier classifier;
    private final JulietCallMetrics metrics;
    private final GuardMetrics guardMetrics;
    // Outside: the breaker, once per call. Inside: the deadline, then the retries of one call. A
    // guard switched off (no breaker, no retries) is not built at all, so it costs a call nothing.
    private final Optional<TypedGuard<Uni<JulietGreeting>>> breaker;
    private final Deadline deadline;
    private final Duration deadlineLimit;
    private final Duration retryDelay;
    private final Optional<TypedGuard<Uni<JulietGreeting>>> retries;

    JulietClient(EventLoopRestClients juliet, JulietFailureClassifier classifier,
                 JulietCallMetrics metrics, GuardMetrics guardMetrics, CircuitLog circuitLog,
                 CircuitBreakerMaintenance breakers, RomeoConfig config, Vertx vertx,
                 @ConfigProperty(name = "quarkus.rest-client.juliet.url") String julietUrl,
                 @ConfigProperty(name = "quarkus.rest-client.juliet.read-timeout") long readTimeoutMillis) {
        this.julietUrl = julietUrl;
        this.readTimeout = Duration.ofMillis(readTimeoutMillis);
        this.juliet = juliet;
        this.classifier = classifier;
        this.metrics = metrics;
        this.guardMetrics = guardMetrics;
        this.breaker = breaker(config.calls().circuitBreaker());
        if (breaker.isPresent()) {
            circuitLog.watch(breakers, BREAKER);
        }
        this.deadline = new Deadline(vertx, config.calls().deadline());
        this.deadlineLimit = config.calls().deadline();
        this.retryDelay = config.calls().retry().delay();
        this.retries = retries(config.calls(), readTimeout, guardMetrics);
    }

    /** The plain-text greeting; who answered is read from Juliet's response headers. */
    public Uni<TimedGreeting> greetAsText() {
        return guarded(() -> juliet.current().greetAsText().map(this::fromText));
    }

    /** The JSON greeting, which names who answered in its body. */
    public Uni<TimedGreeting> greetAsJson() {
        return guarded(() -> juliet.current().greetAsJson().map(this::fromJson));
    }

    /** One quick look at Juliet's readiness for Romeo's health report; no retries on this path. */
    public Uni<Boolean> isJulietReady() {
        return juliet.current().readiness().map(ready -> true).onFailure().recoverWithItem(false);
    }

    public String julietUrl() {
        return julietUrl;
    }

    private Uni<TimedGreeting> guarded(Supplier<Uni<JulietGreeting>> attempt) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            CallersContext callers = CallersContext.current();
            // Classified inside the guards, so retry and breaker can tell a 4xx from an outage, and
            // once more at the end for what the guards themselves throw (deadline passed, circuit open).
            Deadline.Call call = deadline.start();
            Supplier<Uni<JulietGreeting>> classifiedAttempt = () -> call.attempt(callers.run(attempt))
                    .onFailure().transform(failure -> classifyAttempt(failure, started));
            Supplier<Uni<JulietGreeting>> withinDeadline = () -> call.bound(
                    retries.map(guard -> guard.get(classifiedAttempt)).orElseGet(classifiedAttempt));
            // The guards do not pass a cancellation on to what they guard: a caller who goes away
            // ends the call here, and with it the attempt in flight to Juliet.
            return breaker.map(guard -> guard.get(withinDeadline)).orElseGet(withinDeadline)
                    .onFailure().transform(failure -> failed(failure, since(started)))
                    .map(greeting -> succeeded(greeting, since(started)))
                    .onCancellation().invoke(call::cancel);
        });
    }

    /**
     * A Juliet who asked Romeo to come back later is asked again only if her Retry-After (or the
     * retry delay, whichever is longer) and then a whole attempt still fit in the deadline; else
     * her answer is passed on at once, Retry-After included, rather than turned into a 504.
     */
    private JulietCallException classifyAttempt(Throwable failure, long started) {
        JulietCallException problem = classifier.classify(failure);
        if (problem instanceof JulietRejectedException rejected && rejected.worthRetrying()) {
            if (since(started).plus(rejected.waitBeforeRetry(retryDelay)).plus(readTimeout).compareTo(deadlineLimit) > 0) {
                return rejected.notRetried();
            }
        }
        return problem;
    }

    /** Every failed call ends here once: turned into its one problem and timed by that outcome. */
    private JulietCallException failed(Throwable failure, Duration took) {
        JulietCallException problem = classifier.classify(failure);
        metrics.failed(problem.failure(), answeredBy(problem), took);
        if (breaker.isPresent()) {
            guardMetrics.circuitCounted(problem);
        }
        return problem;
    }

    private TimedGreeting succeeded(JulietGreeting greeting, Duration took) {
        metrics.succeeded(greeting.version(), took);
        if (breaker.isPresent()) {
            guardMetrics.circuitSucceeded();
        }
        return new TimedGreeting(greeting, took);
    }

    /**
     * Nothing listens on the breaker itself: a listener given here is added to every call's context.
     * CircuitLog follows its state changes through the maintenance API, and its counts are taken
     * from each call's outcome (GuardMetrics).
     */
    private static Optional<TypedGuard<Uni<JulietGreeting>>> breaker(RomeoConfig.CircuitBreaker breaker) {
        if (!breaker.enabled()) {
            return Optional.empty();
        }
        return Optional.of(inPlace(TypedGuard.create(GREETING))
                .withDescription("Romeo calls Juliet")
                .withCircuitBreaker()
                    .name(BREAKER)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .skipOn(JulietRejectedException.class)
                    .done()
                .build());
    }

    /**
     * Retries stop once the deadline could no longer hold a whole attempt (one read timeout): an
     * attempt that would be cut short anyway only adds load on a Juliet that is already slow.
     */
    private static Optional<TypedGuard<Uni<JulietGreeting>>> retries(RomeoConfig.Calls calls, Duration readTimeout,
                                                                      GuardMetrics metrics) {
        RomeoConfig.Retry retry = calls.retry();
        if (retry.maxRetries() == 0) {
            return Optional.empty();
        }
        CustomBackoffStrategy backoff = failure -> failure instanceof JulietCallException problem
                ? problem.waitBeforeRetry(retry.delay()).toMillis()
                : retry.delay().toMillis();
        return Optional.of(inPlace(TypedGuard.create(GREETING))
                .withDescription("one attempt to reach Juliet")
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(calls.deadline().minus(readTimeout).toMillis(), ChronoUnit.MILLIS)
                    // A rejection is final unless Juliet asked to come back later and that still fits.
                    .whenException(failure -> !(failure instanceof JulietRejectedException rejected) || rejected.worthRetrying())
                    .withCustomBackoff().strategy(() -> backoff).done()
                    // Called by the retry itself, only when it retries: no listener added to every call.
                    .beforeRetry(failure -> metrics.retried())
                    .done()
                .build());
    }

    /**
     * A guard left to itself on an event loop passes the call, and then its result, through the
     * loop's task queue, capturing and restoring every propagated context around each pass: four
     * hand-offs per call with two guards. Nothing a guard or an attempt does here blocks, so each
     * guard runs the call in place, and {@link CallersContext} brings a retry back after its wait.
     */
    private static TypedGuard.Builder<Uni<JulietGreeting>> inPlace(TypedGuard.Builder<Uni<JulietGreeting>> guard) {
        return guard.withThreadOffload(true).withThreadOffloadExecutor(Runnable::run);
    }

    /** Only a 200 with a body is a greeting: a redirect or a 204 from whatever sits in front of Juliet is not. */
    private JulietGreeting fromText(Response answer) {
        if (answer.getStatus() != OK) {
            throw classifier.notAGreeting(answer.getStatus());
        }
        String message = answer.readEntity(String.class);
        if (message == null || message.isEmpty()) {
            throw classifier.notAGreeting(OK);
        }
        return new JulietGreeting(message, header(answer, VERSION_HEADER), header(answer, POD_HEADER));
    }

    private JulietGreeting fromJson(Response answer) {
        if (answer.getStatus() != OK) {
            throw classifier.notAGreeting(answer.getStatus());
        }
        JulietGreeting greeting;
        try {
            greeting = answer.readEntity(JulietGreeting.class);
        } catch (RuntimeException unreadable) {
            throw classifier.unreadable(unreadable);
        }
        if (greeting == null || greeting.message() == null) {
            throw classifier.notAGreeting(OK);
        }
        return greeting;
    }

    /** The version of the Juliet whose answer failed the call (her 5xx or 4xx), when one answered it. */
    private static String answeredBy(JulietCallException problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException answered) {
                return header(answered.getResponse(), VERSION_HEADER);
            }
        }
        return null;
    }

    /** Read from the headers as received; getHeaderString would first copy them all into a second map. */
    private static String header(Response answer, String name) {
        Object value = answer.getMetadata().getFirst(name);
        return value == null ? null : value.toString();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
