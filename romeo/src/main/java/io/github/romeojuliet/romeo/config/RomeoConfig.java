package io.github.romeojuliet.romeo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** What Romeo passes on to Juliet, read from {@code romeo.*}. */
@ConfigMapping(prefix = "romeo")
public interface RomeoConfig {

    /**
     * Request headers copied onto the call to Juliet, so an Ingress or Gateway between the two can
     * route it by header. Anything not listed stays with Romeo.
     */
    @WithDefault("X-Canary")
    Set<String> forwardHeaders();

    /** Cookies copied onto the call to Juliet, for cookie-based A/B routing. */
    @WithDefault("canary")
    Set<String> forwardCookies();
}
