package io.github.romeojuliet.romeo.client;

import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.UnreachableCall;
import io.github.romeojuliet.romeo.support.UnresolvableJulietProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Juliet's name does not resolve (a misspelt Service name, a Service not yet created): the same
 * 503 as a refused connection, after the same attempts, well within the deadline, at production
 * figures.
 */
@QuarkusTest
@TestProfile(UnresolvableJulietProfile.class)
class UnresolvableJulietTest {

    @Inject
    CallFigures figures;

    @Test
    void unresolvableNameIsA503AfterEveryAttemptWithinTheDeadline() {
        UnreachableCall.assertAnswered503AfterEveryAttempt(figures, "Juliet could not be resolved",
                "a Juliet whose name does not resolve");
    }
}
