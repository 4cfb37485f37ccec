package io.github.romeojuliet.romeo.health;

import io.github.romeojuliet.romeo.client.JulietClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Shows whether Juliet can be reached. It is a wellness check on purpose: Romeo stays live and
 * ready while Juliet is away, because it still answers (with a clear 503), and a restart or an
 * empty Service would not bring Juliet back.
 */
@Wellness
@ApplicationScoped
public class JulietHealthCheck implements AsyncHealthCheck {

    private final JulietClient juliet;

    JulietHealthCheck(JulietClient juliet) {
        this.juliet = juliet;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return juliet.isJulietReady().map(ready -> HealthCheckResponse.named("juliet")
                .status(ready)
                .withData("url", juliet.julietUrl())
                .build());
    }
}
