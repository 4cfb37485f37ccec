package io.github.romeojuliet.common.metrics;

import java.time.Duration;

/**
 * The buckets of both services' latency histograms, so that Juliet's view of a greeting and
 * Romeo's view of a call read alike in the same queries (docs/metrics.md).
 */
public final class LatencyBuckets {

    private static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private LatencyBuckets() {
    }

    /** The bucket bounds, a new array each call, for a Timer's serviceLevelObjectives. */
    public static Duration[] bounds() {
        Duration[] bounds = new Duration[SECONDS.length];
        for (int i = 0; i < SECONDS.length; i++) {
            bounds[i] = Duration.ofNanos(Math.round(SECONDS[i] * 1e9));
        }
        return bounds;
    }
}
