package io.github.romeojuliet.romeo.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A {@link ScriptedJuliet}, for the failures only she can act, and an {@link OtlpReceiver} that
 * the Romeo under test exports its spans to, switched on by the standard OTEL_* settings.
 */
public class TracedScriptedJuliet implements QuarkusTestResourceLifecycleManager {

    private OtlpReceiver receiver;
    private ScriptedJuliet juliet;

    @Override
    public Map<String, String> start() {
        receiver = new OtlpReceiver();
        juliet = new ScriptedJuliet();
        return Map.of(
                "quarkus.rest-client.juliet.url", juliet.url(),
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                // Spans leave in batches; a short delay lets the test see them within a second.
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(receiver, new TestInjector.AnnotatedAndMatchesType(InjectOtlpReceiver.class, OtlpReceiver.class));
        injector.injectIntoFields(juliet, new TestInjector.AnnotatedAndMatchesType(InjectScriptedJuliet.class, ScriptedJuliet.class));
    }

    @Override
    public void stop() {
        if (juliet != null) {
            juliet.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }
}
