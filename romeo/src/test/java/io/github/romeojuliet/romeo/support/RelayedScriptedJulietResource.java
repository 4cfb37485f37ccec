package io.github.romeojuliet.romeo.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;

/**
 * A {@link ScriptedJuliet} that Romeo reaches through a {@link CountingRelay}; tests get both,
 * in fields annotated {@link InjectScriptedJuliet}.
 */
public class RelayedScriptedJulietResource implements QuarkusTestResourceLifecycleManager {

    private ScriptedJuliet juliet;
    private CountingRelay relay;

    @Override
    public Map<String, String> start() {
        juliet = new ScriptedJuliet();
        relay = new CountingRelay(URI.create(juliet.url()).getPort());
        return Map.of("quarkus.rest-client.juliet.url", relay.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(juliet,
                new TestInjector.AnnotatedAndMatchesType(InjectScriptedJuliet.class, ScriptedJuliet.class));
        injector.injectIntoFields(relay,
                new TestInjector.AnnotatedAndMatchesType(InjectScriptedJuliet.class, CountingRelay.class));
    }

    @Override
    public void stop() {
        relay.close();
        juliet.close();
    }
}
