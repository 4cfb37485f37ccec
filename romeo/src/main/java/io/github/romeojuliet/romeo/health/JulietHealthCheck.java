package io.github.romeojuliet.romeo.health;

import io.github.romeojuliet.romeo.client.JulietClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

/**
 * Shows whether Juliet can be reached. It is a wellness check on purpose: Romeo stays live and
 * ready while Juliet is away, because it still answers (with a clear 503), and a restart or an
 * empty Service would not bring Juliet back.
 */
@Wellness
@ApplicationScoped
public class JulietHealthCheck implements HealthCheck {

    private final JulietClient juliet;

    JulietHealthCheck(JulietClient juliet) {
        this.juliet = juliet;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("juliet")
                .status(juliet.isJulietReady())
                .withData("url", juliet.julietUrl())
                .build();
    }
}
