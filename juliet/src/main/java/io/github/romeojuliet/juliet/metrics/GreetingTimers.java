package io.github.romeojuliet.juliet.metrics;

import io.github.romeojuliet.common.metrics.LatencyBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code juliet_greeting_seconds}: a histogram of every greeting answered, by the answer's format
 * ({@code text}, {@code json}, {@code other}) and status class ({@code 2xx} ... {@code 5xx}).
 * Variant, version and pod are the scrape target's labels, not the series'. Text and JSON at 2xx
 * and 5xx are registered at start, so rate() and the error ratio see zero before the first call;
 * the rarer series appear when first answered.
 */
@Singleton
@Startup
class GreetingTimers {

    static final String NAME = "juliet.greeting";

    private static final Duration[] BUCKETS = LatencyBuckets.bounds();

    /** Where each format's row is in the table. */
    static final int TEXT = 0;
    static final int JSON = 1;
    static final int OTHER = 2;
    private static final String[] FORMATS = {"text", "json", "other"};
    // Index: the status code's first digit; 1xx is never a final answer.
    private static final String[] STATUS_CLASSES = {null, null, "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    // Built once per series: a meter lookup per request would cost more than the answer it measures.
    private final Timer[][] timers = new Timer[FORMATS.length][STATUS_CLASSES.length];

    GreetingTimers(MeterRegistry registry) {
        this.registry = registry;
        for (int format : new int[] {TEXT, JSON}) {
            timers[format][2] = register(format, 2);
            timers[format][5] = register(format, 5);
        }
    }

    /** One greeting answered with this status, in this format, started at the given System.nanoTime(). */
    void record(int format, int status, long startedNanos) {
        long took = System.nanoTime() - startedNanos;
        int statusClass = status / 100;
        if (statusClass < 2 || statusClass >= STATUS_CLASSES.length) {
            statusClass = 5; // not an HTTP status a client can read: count it as the server's failure
        }
        Timer timer = timers[format][statusClass];
        if (timer == null) {
            // Registering returns the one meter of that name and tags, so a race here is harmless.
            timer = register(format, statusClass);
            timers[format][statusClass] = timer;
        }
        timer.record(took, TimeUnit.NANOSECONDS);
    }

    private Timer register(int format, int statusClass) {
        return Timer.builder(NAME)
                .description("Greetings Juliet answered, from the request's arrival to the answer's last byte written,"
                        + " injected faults included")
                .tag("format", FORMATS[format])
                .tag("status", STATUS_CLASSES[statusClass])
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
