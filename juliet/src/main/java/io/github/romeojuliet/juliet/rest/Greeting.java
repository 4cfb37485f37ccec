package io.github.romeojuliet.juliet.rest;

/** The JSON form of Juliet's answer: what she says, and which version and pod said it. */
public record Greeting(String message, String version, String pod) {
}
