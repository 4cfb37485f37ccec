package io.github.romeojuliet.romeo.client;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * What the circuit breaker to Juliet does, said once per change rather than once per failed
 * request: during an outage that is three log lines instead of thousands, and the state is a
 * metric ({@code romeo_juliet_circuit_state{state="open"} 1}) that an alert can watch.
 */
@ApplicationScoped
class CircuitLog {

    private static final Logger LOG = Logger.getLogger(CircuitLog.class);
    static final String GAUGE = "romeo.juliet.circuit.state";

    private final AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);
    private final String julietUrl;

    CircuitLog(MeterRegistry registry, JulietFailureClassifier classifier) {
        this.julietUrl = classifier.julietUrl();
        for (CircuitBreakerState each : CircuitBreakerState.values()) {
            Gauge.builder(GAUGE, state, current -> current.get() == each ? 1 : 0)
                    .description("1 for the state the circuit breaker to Juliet is in, 0 for the others")
                    .tag("state", each.name().toLowerCase())
                    .register(registry);
        }
    }

    void changed(CircuitBreakerState next) {
        state.set(next);
        switch (next) {
            case OPEN -> LOG.warnf("circuit to Juliet at %s opened: too many of the recent calls failed; "
                    + "calls are answered 503 without reaching her until a trial call succeeds", julietUrl);
            case HALF_OPEN -> LOG.infof("circuit to Juliet at %s half-open: letting a trial call through", julietUrl);
            case CLOSED -> LOG.infof("circuit to Juliet at %s closed: calls reach her again", julietUrl);
        }
    }
}
