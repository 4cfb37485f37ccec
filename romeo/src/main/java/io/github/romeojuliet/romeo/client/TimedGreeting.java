package io.github.romeojuliet.romeo.client;

import java.time.Duration;

/** Juliet's greeting together with how long Romeo waited for it, retries included. */
public record TimedGreeting(JulietGreeting greeting, Duration roundTrip) {
}
