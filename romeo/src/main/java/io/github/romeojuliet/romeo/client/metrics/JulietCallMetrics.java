package io.github.romeojuliet.romeo.client.metrics;

import io.github.romeojuliet.romeo.client.failure.JulietFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every call to Juliet, retries included, by outcome and by the Juliet version that
 * answered. Each timer is built once and then found in a map: building a meter per request would
 * cost more than the rest of Romeo's work on it.
 */
@Singleton
public class JulietCallMetrics {

    public static final String TIMER = "romeo.juliet.calls";
    public static final String SUCCESS = "success";
    private static final String NO_VERSION = "none";

    private final MeterRegistry registry;
    private final Map<String, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    JulietCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void succeeded(String julietVersion, Duration took) {
        timer(SUCCESS, julietVersion == null ? NO_VERSION : julietVersion).record(took);
    }

    public void failed(JulietFailure failure, Duration took) {
        timer(failure.slug(), NO_VERSION).record(took);
    }

    private Timer timer(String outcome, String julietVersion) {
        return timers.computeIfAbsent(outcome, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(julietVersion, version -> Timer.builder(TIMER)
                        .description("Calls from Romeo to Juliet, retries included")
                        .tag("outcome", outcome)
                        .tag("juliet_version", version)
                        .register(registry));
    }
}
