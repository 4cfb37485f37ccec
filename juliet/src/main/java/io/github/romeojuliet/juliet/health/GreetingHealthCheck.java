package io.github.romeojuliet.juliet.health;

import io.github.romeojuliet.juliet.config.Identity;
import io.github.romeojuliet.juliet.config.JulietConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once Juliet has something to say. It also names the variant in the health report, which
 * is where an operator looks first when an A/B split seems wrong.
 */
@Readiness
@ApplicationScoped
public class GreetingHealthCheck implements HealthCheck {

    private final JulietConfig config;
    private final Identity identity;

    GreetingHealthCheck(JulietConfig config, Identity identity) {
        this.config = config;
        this.identity = identity;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("greeting")
                .status(!config.greeting().isBlank())
                .withData("version", identity.version())
                .withData("pod", identity.pod())
                .build();
    }
}
