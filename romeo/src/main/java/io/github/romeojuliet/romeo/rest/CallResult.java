package io.github.romeojuliet.romeo.rest;

/** Romeo's JSON answer: what Juliet said, which Juliet said it, and how long it took. */
public record CallResult(String message, String julietVersion, String julietPod, double roundTripMillis) {
}
