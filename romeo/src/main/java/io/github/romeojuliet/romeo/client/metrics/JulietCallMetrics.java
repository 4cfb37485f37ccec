package io.github.romeojuliet.romeo.client.metrics;

import io.github.romeojuliet.common.metrics.LatencyBuckets;
import io.github.romeojuliet.romeo.client.failure.JulietFailure;
import io.github.romeojuliet.romeo.config.RomeoConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code romeo_juliet_calls_seconds{outcome, juliet_version}}: a histogram of every call to
 * Juliet, retries included, by outcome ({@code success} or the failure's slug) and by the version
 * of the Juliet whose answer ended it ({@code none} when none did). Created at start: every outcome
 * without a version, and for each version in {@code romeo.juliet.versions} the outcomes an answer
 * can end with, so each variant's rate and error ratio read zero before its first call. Each timer
 * is built once and then found in a map: building a meter per request would cost more than the
 * rest of Romeo's work on it.
 */
@Singleton
@Startup
public class JulietCallMetrics {

    public static final String TIMER = "romeo.juliet.calls";
    public static final String SUCCESS = "success";
    private static final String NO_VERSION = "none";
    private static final Duration[] BUCKETS = LatencyBuckets.bounds();
    // The failures that come with an answer from Juliet, and so with her version: a bad answer, and
    // her 408 or 429 (busy).
    private static final Set<JulietFailure> ANSWERED = Set.of(JulietFailure.BAD_ANSWER, JulietFailure.BUSY);

    private final MeterRegistry registry;
    private final Map<String, Timer> successes = new ConcurrentHashMap<>();
    private final Map<JulietFailure, Map<String, Timer>> failures = new EnumMap<>(JulietFailure.class);

    JulietCallMetrics(MeterRegistry registry, RomeoConfig config) {
        this.registry = registry;
        Set<String> versions = config.juliet().versions().orElse(Set.of());
        timer(successes, SUCCESS, NO_VERSION);
        versions.forEach(version -> timer(successes, SUCCESS, version));
        for (JulietFailure failure : JulietFailure.values()) {
            Map<String, Timer> byVersion = new ConcurrentHashMap<>();
            failures.put(failure, byVersion);
            timer(byVersion, failure.slug(), NO_VERSION);
            if (ANSWERED.contains(failure)) {
                versions.forEach(version -> timer(byVersion, failure.slug(), version));
            }
        }
    }

    public void succeeded(String julietVersion, Duration took) {
        timer(successes, SUCCESS, julietVersion).record(took);
    }

    /** A failed call; the version is that of the Juliet whose answer failed it, null when none answered. */
    public void failed(JulietFailure failure, String julietVersion, Duration took) {
        timer(failures.get(failure), failure.slug(), julietVersion).record(took);
    }

    private Timer timer(Map<String, Timer> byVersion, String outcome, String julietVersion) {
        String version = julietVersion == null ? NO_VERSION : julietVersion;
        Timer timer = byVersion.get(version);
        return timer != null ? timer : byVersion.computeIfAbsent(version, ignored -> Timer.builder(TIMER)
                .description("Calls from Romeo to Juliet, retries included, by outcome and the version that answered")
                .tag("outcome", outcome)
                .tag("juliet_version", version)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
    }
}
