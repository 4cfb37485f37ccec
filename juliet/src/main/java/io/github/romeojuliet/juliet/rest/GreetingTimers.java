package io.github.romeojuliet.juliet.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * {@code juliet_greeting_seconds}: one timer per format, whichever route answered. Registered at
 * start, so both series are scraped at zero before the first call and rate() sees it.
 */
@Singleton
@Startup
public class GreetingTimers {

    private static final String NAME = "juliet.greeting";

    // Built once: a meter lookup per request would cost more than the answer it measures.
    private final Timer text;
    private final Timer json;

    GreetingTimers(MeterRegistry registry) {
        this.text = register(registry, "text");
        this.json = register(registry, "json");
    }

    void text(long startedNanos) {
        text.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void json(long startedNanos) {
        json.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private static Timer register(MeterRegistry registry, String format) {
        return Timer.builder(NAME)
                .description("Greetings Juliet has answered, and the time each took")
                .tag("format", format)
                .register(registry);
    }
}
