package io.github.romeojuliet.romeo.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Juliet and the Romeo under test, both exporting their spans to one {@link OtlpReceiver},
 * switched on the way a pod is: by the standard OTEL_* variables.
 */
public class TracedRealJuliet implements QuarkusTestResourceLifecycleManager {

    // Spans leave in batches; a short delay lets a test see them within a second instead of five.
    private static final String EXPORT_DELAY = "100ms";

    private OtlpReceiver receiver;
    private RealJuliet juliet;

    @Override
    public Map<String, String> start() {
        receiver = new OtlpReceiver();
        Map<String, String> tracing = Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        Map<String, String> julietEnvironment = new HashMap<>(tracing);
        julietEnvironment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", EXPORT_DELAY);
        juliet = new RealJuliet(julietEnvironment);
        Map<String, String> romeoConfig = new HashMap<>(juliet.start());
        romeoConfig.putAll(tracing);
        romeoConfig.put("quarkus.otel.bsp.schedule.delay", EXPORT_DELAY);
        return romeoConfig;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(receiver, new TestInjector.AnnotatedAndMatchesType(InjectOtlpReceiver.class, OtlpReceiver.class));
        injector.injectIntoFields(juliet, new TestInjector.AnnotatedAndMatchesType(InjectRealJuliet.class, RealJuliet.class));
    }

    @Override
    public void stop() {
        if (juliet != null) {
            juliet.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
    }
}
