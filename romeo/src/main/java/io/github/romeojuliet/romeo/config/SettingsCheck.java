package io.github.romeojuliet.romeo.config;

import io.github.romeojuliet.romeo.client.JulietClient;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses bad settings at start, one line each naming the property, its value and the rule, rather
 * than at the first call, where a malformed URL or a negative timeout would be retried and held
 * against Juliet; then builds Romeo's client from the settings it passed. The chart's schema refuses
 * the same values before anything is deployed.
 */
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class);
    // RFC 9110 token characters: what a header or cookie name may be made of.
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    static final int BAD_SETTINGS = 2;

    void check(@Observes StartupEvent started, RomeoConfig config, Instance<JulietClient> client,
               @ConfigProperty(name = "quarkus.rest-client.juliet.url") String julietUrl,
               @ConfigProperty(name = "quarkus.rest-client.juliet.connect-timeout") long connectMillis,
               @ConfigProperty(name = "quarkus.rest-client.juliet.read-timeout") long readMillis) {
        List<String> problems = problems(config, julietUrl, connectMillis, readMillis);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.error("bad setting: " + problem));
            Quarkus.asyncExit(BAD_SETTINGS);
            return;
        }
        // Built now, from settings known to be good, rather than at the first call: the client, its
        // guards and its metrics (romeo_juliet_* are on /q/metrics before anyone calls).
        client.get();
    }

    static List<String> problems(RomeoConfig config, String julietUrl, long connectMillis, long readMillis) {
        List<String> problems = new ArrayList<>();
        urlProblem(julietUrl).ifPresent(problems::add);
        Duration deadline = config.calls().deadline();
        if (connectMillis <= 0) {
            problems.add("quarkus.rest-client.juliet.connect-timeout=" + connectMillis + " must be above 0 ms");
        }
        if (readMillis <= connectMillis) {
            problems.add("quarkus.rest-client.juliet.read-timeout=" + readMillis
                    + " must be longer than quarkus.rest-client.juliet.connect-timeout=" + connectMillis);
        }
        RomeoConfig.Retry retry = config.calls().retry();
        if (deadline.toMillis() <= readMillis + retry.delay().toMillis()) {
            problems.add("romeo.calls.deadline=" + deadline.toMillis() + "ms must be longer than "
                    + "quarkus.rest-client.juliet.read-timeout=" + readMillis + "ms plus romeo.calls.retry.delay="
                    + retry.delay().toMillis() + "ms, or no retry could ever start");
        }
        if (retry.maxRetries() < 0) {
            problems.add("romeo.calls.retry.max-retries=" + retry.maxRetries() + " must be 0 or more");
        }
        if (retry.delay().isNegative() || retry.jitter().isNegative() || retry.jitter().compareTo(retry.delay()) > 0) {
            problems.add("romeo.calls.retry.jitter=" + retry.jitter().toMillis() + "ms must be between 0 and "
                    + "romeo.calls.retry.delay=" + retry.delay().toMillis() + "ms");
        }
        RomeoConfig.CircuitBreaker breaker = config.calls().circuitBreaker();
        if (breaker.requestVolumeThreshold() < 1) {
            problems.add("romeo.calls.circuit-breaker.request-volume-threshold=" + breaker.requestVolumeThreshold()
                    + " must be 1 or more");
        }
        if (!(breaker.failureRatio() > 0 && breaker.failureRatio() <= 1)) {
            problems.add("romeo.calls.circuit-breaker.failure-ratio=" + breaker.failureRatio() + " must be above 0 and at most 1");
        }
        if (breaker.delay().isNegative() || breaker.delay().isZero()) {
            problems.add("romeo.calls.circuit-breaker.delay=" + breaker.delay().toMillis() + "ms must be above 0");
        }
        if (config.routingHintMaxLength() < 1) {
            problems.add("romeo.routing-hint-max-length=" + config.routingHintMaxLength() + " must be 1 or more");
        }
        nameProblems("romeo.forward-headers", config.forwardHeaders(), problems);
        nameProblems("romeo.forward-cookies", config.forwardCookies(), problems);
        return problems;
    }

    private static Optional<String> urlProblem(String julietUrl) {
        String rule = "quarkus.rest-client.juliet.url=" + julietUrl + " must be an http or https URL with a host";
        try {
            URI url = new URI(julietUrl);
            boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            return web && url.getHost() != null ? Optional.empty() : Optional.of(rule);
        } catch (URISyntaxException e) {
            return Optional.of(rule);
        }
    }

    private static void nameProblems(String property, Set<String> names, List<String> problems) {
        for (String name : names) {
            if (!TOKEN.matcher(name).matches()) {
                problems.add(property + " has '" + name + "', which is not a valid header or cookie name");
            }
        }
    }
}
