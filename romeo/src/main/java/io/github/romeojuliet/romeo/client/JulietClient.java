package io.github.romeojuliet.romeo.client;

import io.github.romeojuliet.romeo.config.RomeoConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Romeo's only way to reach Juliet, and the owner of every rule about it. Each call is bounded:
 * the HTTP client's connect and read timeouts fail one attempt fast, the attempt timeout caps it
 * whatever the network does, a couple of jittered retries ride out a pod being replaced behind the
 * Service (safe, because the greeting is an idempotent GET; a 4xx is not retried, since asking
 * again gets the same answer), and the circuit breaker stops Romeo from queueing on a Juliet that
 * is plainly gone, then lets a trial call through after a pause. The guards work on the
 * {@link Uni} itself, with timers rather than blocked threads, so no thread waits on Juliet.
 */
@ApplicationScoped
public class JulietClient {

    private static final String VERSION_HEADER = "X-Juliet-Version";
    private static final String POD_HEADER = "X-Juliet-Pod";

    private final JulietRestClient juliet;
    private final JulietFailureClassifier classifier;
    private final JulietCallMetrics metrics;
    private final TypedGuard<Uni<JulietGreeting>> guard;

    JulietClient(@RestClient JulietRestClient juliet, JulietFailureClassifier classifier,
                 JulietCallMetrics metrics, RomeoConfig config) {
        this.juliet = juliet;
        this.classifier = classifier;
        this.metrics = metrics;
        this.guard = guard(config.calls());
    }

    /** The plain-text greeting; who answered is read from Juliet's response headers. */
    public Uni<TimedGreeting> greetAsText() {
        return guarded(() -> juliet.greetAsText().map(JulietClient::fromText));
    }

    /** The JSON greeting, which names who answered in its body. */
    public Uni<TimedGreeting> greetAsJson() {
        return guarded(juliet::greetAsJson);
    }

    /** One quick look at Juliet's readiness for Romeo's health report; no retries on this path. */
    public Uni<Boolean> isJulietReady() {
        return juliet.readiness().map(ready -> true).onFailure().recoverWithItem(false);
    }

    public String julietUrl() {
        return classifier.julietUrl();
    }

    private Uni<TimedGreeting> guarded(Supplier<Uni<JulietGreeting>> attempt) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            // Classified inside the guards too, so retry and breaker can tell a 4xx from an outage.
            return guard.get(() -> attempt.get().onFailure().transform(classifier::classify))
                    .onFailure().transform(classifier::classify)
                    .map(greeting -> {
                        Duration took = since(started);
                        metrics.succeeded(greeting.version(), took);
                        return new TimedGreeting(greeting, took);
                    })
                    .onFailure(JulietCallException.class)
                    .invoke(failure -> metrics.failed(((JulietCallException) failure).failure(), since(started)));
        });
    }

    private static TypedGuard<Uni<JulietGreeting>> guard(RomeoConfig.Calls calls) {
        RomeoConfig.Retry retry = calls.retry();
        RomeoConfig.CircuitBreaker breaker = calls.circuitBreaker();
        TypedGuard.Builder<Uni<JulietGreeting>> builder = TypedGuard.create(new TypeLiteral<Uni<JulietGreeting>>() { })
                .withDescription("Romeo calls Juliet")
                .withTimeout().duration(calls.attemptTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                    .abortOn(JulietRejectedException.class)
                    .done();
        if (breaker.enabled()) {
            builder.withCircuitBreaker()
                    .name("juliet")
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .skipOn(JulietRejectedException.class)
                    .done();
        }
        return builder.build();
    }

    private static JulietGreeting fromText(RestResponse<String> answer) {
        return new JulietGreeting(answer.getEntity(), answer.getHeaderString(VERSION_HEADER),
                answer.getHeaderString(POD_HEADER));
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
