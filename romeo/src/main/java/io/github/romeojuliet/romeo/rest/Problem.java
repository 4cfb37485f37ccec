package io.github.romeojuliet.romeo.rest;

/** An RFC 9457 problem detail, the one shape every error from Romeo takes. */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
