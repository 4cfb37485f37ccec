package io.github.romeojuliet.romeo.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Takes a freshly started Romeo through a call that succeeds and one that fails, so the classes a
 * running Romeo has long loaded (its REST client, built on the first call; the retry and error
 * paths; RestAssured on this side) do not count in the time a failure costs. A cold first call
 * can miss the read timeout on a loaded machine, so it is tried again; none of these answers is
 * checked, only the ones the tests then time. The circuit is closed again afterwards, so the
 * failed call and earlier tests' failures never count in the next test's breaker window.
 */
public final class WarmRomeo {

    private static final int COLD_TRIES = 3;

    private WarmRomeo() {
    }

    /** Leaves the scripted Juliet reset: answering, with no requests counted. */
    public static void against(ScriptedJuliet juliet) {
        juliet.reset();
        for (int call = 0; call < COLD_TRIES && given().get("/call-juliet").statusCode() != 200; call++) {
            // the next try finds the client built
        }
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        given().get("/call-juliet");
        juliet.reset();
        Arc.container().instance(CircuitBreakerMaintenance.class).get().resetAll();
    }
}
