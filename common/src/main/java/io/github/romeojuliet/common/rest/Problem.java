package io.github.romeojuliet.common.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem detail, the one shape every error from Romeo and Juliet takes. */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
