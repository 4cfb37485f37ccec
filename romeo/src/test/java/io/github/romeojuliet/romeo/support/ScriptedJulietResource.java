package io.github.romeojuliet.romeo.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link ScriptedJuliet} for a test class and hands it to fields annotated {@link InjectScriptedJuliet}. */
public class ScriptedJulietResource implements QuarkusTestResourceLifecycleManager {

    private ScriptedJuliet juliet;

    @Override
    public Map<String, String> start() {
        juliet = new ScriptedJuliet();
        return Map.of("quarkus.rest-client.juliet.url", juliet.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(juliet,
                new TestInjector.AnnotatedAndMatchesType(InjectScriptedJuliet.class, ScriptedJuliet.class));
    }

    @Override
    public void stop() {
        juliet.close();
    }
}
