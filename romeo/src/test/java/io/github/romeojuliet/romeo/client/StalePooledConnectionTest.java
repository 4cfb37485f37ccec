package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.github.romeojuliet.romeo.support.InjectRealJuliet;
import io.github.romeojuliet.romeo.support.RealJuliet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Romeo keeps connections to Juliet alive between calls. When the real Juliet restarts between two
 * calls, the pooled connection is dead: the next call must still succeed (a fresh connection on
 * the retry), not come back as a 502.
 */
@QuarkusTest
@WithTestResource(RealJuliet.class)
class StalePooledConnectionTest {

    @InjectRealJuliet
    RealJuliet juliet;

    @Test
    void callAfterJulietRestartedSucceeds() {
        for (int call = 0; call < 3; call++) { // leave kept-alive connections in the pool
            given().get("/call-juliet").then().statusCode(200);
        }
        juliet.restart();
        given().get("/call-juliet").then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
    }
}
