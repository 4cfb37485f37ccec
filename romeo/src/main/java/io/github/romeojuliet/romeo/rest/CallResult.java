package io.github.romeojuliet.romeo.rest;

import io.github.romeojuliet.romeo.client.TimedGreeting;

/** Romeo's JSON answer: what Juliet said, which Juliet said it, and how long it took. */
public record CallResult(String message, String julietVersion, String julietPod, double roundTripMillis) {

    static CallResult of(TimedGreeting answer) {
        return new CallResult(answer.greeting().message(), answer.greeting().version(), answer.greeting().pod(),
                answer.roundTrip().toNanos() / 1_000_000.0);
    }
}
