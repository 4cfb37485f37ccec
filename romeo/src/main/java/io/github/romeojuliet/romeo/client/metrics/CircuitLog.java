package io.github.romeojuliet.romeo.client.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The breaker to Juliet's state, logged once per change (not once per failed call) and exposed as
 * {@code romeo_juliet_circuit_state} from start. It follows the breaker through the maintenance API,
 * because a listener on the guard itself would be added to every call's context.
 */
@Singleton
@Startup
public class CircuitLog {

    private static final Logger LOG = Logger.getLogger(CircuitLog.class);
    public static final String GAUGE = "romeo.juliet.circuit.state";

    private final String julietUrl;
    private final MeterRegistry registry;
    private final List<Gauge> gauges = new ArrayList<>();
    // Closed while no breaker is watched: with the breaker switched off, no call is ever held back.
    private volatile Supplier<CircuitBreakerState> state = () -> CircuitBreakerState.CLOSED;

    CircuitLog(MeterRegistry registry, @ConfigProperty(name = "quarkus.rest-client.juliet.url") String julietUrl) {
        this.julietUrl = julietUrl;
        this.registry = registry;
        for (CircuitBreakerState each : CircuitBreakerState.values()) {
            gauges.add(Gauge.builder(GAUGE, () -> state.get() == each ? 1 : 0)
                    .description("1 for the state the circuit breaker to Juliet is in, 0 for the others")
                    .tag("state", each.name().toLowerCase())
                    .register(registry));
        }
    }

    /**
     * The registry outlives the application where Quarkus restarts it in the same JVM (dev mode,
     * tests), and a gauge registered again under the same name is the old one: it would go on asking
     * the stopped application's breaker.
     */
    @PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    /** Follows the named breaker from now on; called once it has been built. */
    public void watch(CircuitBreakerMaintenance breakers, String name) {
        state = () -> breakers.currentState(name);
        breakers.onStateChange(name, this::changed);
    }

    private void changed(CircuitBreakerState next) {
        switch (next) {
            case OPEN -> LOG.warnf("circuit to Juliet at %s opened: too many of the recent calls failed; "
                    + "calls are answered 503 without reaching her until a trial call succeeds", julietUrl);
            case HALF_OPEN -> LOG.infof("circuit to Juliet at %s half-open: letting a trial call through", julietUrl);
            case CLOSED -> LOG.infof("circuit to Juliet at %s closed: calls reach her again", julietUrl);
        }
    }
}
