package io.github.romeojuliet.romeo.config;

import static io.github.romeojuliet.common.settings.BadSettings.named;

import io.github.romeojuliet.common.settings.BadSettings;
import io.github.romeojuliet.romeo.client.JulietClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules Bean Validation on {@link RomeoConfig} cannot state: those that span settings, or bear on
 * the REST client's own {@code quarkus.rest-client.juliet.*}. A bad value stops Romeo at start rather
 * than be retried and held against Juliet at the first call; then the client is built from settings
 * that passed. The chart's schema refuses the same values before anything is deployed.
 */
public class SettingsCheck {

    private static final String URL = "quarkus.rest-client.juliet.url";
    private static final String CONNECT = "quarkus.rest-client.juliet.connect-timeout";
    private static final String READ = "quarkus.rest-client.juliet.read-timeout";

    void check(@Observes StartupEvent started, RomeoConfig config, Instance<JulietClient> client,
               @ConfigProperty(name = URL) String julietUrl,
               @ConfigProperty(name = CONNECT) long connectMillis,
               @ConfigProperty(name = READ) long readMillis) {
        List<String> problems = problems(config, julietUrl, connectMillis, readMillis);
        if (!problems.isEmpty()) {
            BadSettings.refuse(problems);
            return;
        }
        // Built now rather than at the first call: the client, its guards and its metrics
        // (romeo_juliet_* are on /q/metrics before anyone calls).
        client.get();
    }

    static List<String> problems(RomeoConfig config, String julietUrl, long connectMillis, long readMillis) {
        List<String> problems = new ArrayList<>();
        urlProblem(julietUrl).ifPresent(problems::add);
        if (connectMillis <= 0) {
            problems.add(named(CONNECT) + "=" + connectMillis + " must be above 0 ms");
        }
        if (readMillis <= connectMillis) {
            problems.add(named(READ) + "=" + readMillis + " must be longer than " + CONNECT + "=" + connectMillis);
        }
        RomeoConfig.Retry retry = config.calls().retry();
        long deadlineMillis = config.calls().deadline().toMillis();
        if (deadlineMillis <= readMillis + retry.delay().toMillis()) {
            problems.add(named("romeo.calls.deadline") + "=" + deadlineMillis + "ms must be longer than " + READ + "="
                    + readMillis + "ms plus romeo.calls.retry.delay=" + retry.delay().toMillis()
                    + "ms, or no retry could ever start");
        }
        if (retry.jitter().compareTo(retry.delay()) > 0) {
            problems.add(named("romeo.calls.retry.jitter") + "=" + retry.jitter().toMillis()
                    + "ms must be at most romeo.calls.retry.delay=" + retry.delay().toMillis() + "ms");
        }
        return problems;
    }

    private static Optional<String> urlProblem(String julietUrl) {
        String rule = named(URL) + "=" + julietUrl + " must be an http or https URL with a host";
        try {
            URI url = new URI(julietUrl);
            boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            return web && url.getHost() != null ? Optional.empty() : Optional.of(rule);
        } catch (URISyntaxException e) {
            return Optional.of(rule);
        }
    }
}
