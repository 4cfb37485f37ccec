package io.github.romeojuliet.romeo.client;

/** Juliet's JSON answer: what she said, and which version and pod said it. */
public record JulietGreeting(String message, String version, String pod) {
}
