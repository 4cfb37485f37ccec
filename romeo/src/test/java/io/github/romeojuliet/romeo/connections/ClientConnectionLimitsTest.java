package io.github.romeojuliet.romeo.connections;

import io.github.romeojuliet.common.testing.ClientConnectionLimitsContract;
import io.quarkus.test.junit.QuarkusTest;

/** Romeo's limits on what one client may hold: streams per HTTP/2 connection and silent connections. */
@QuarkusTest
class ClientConnectionLimitsTest extends ClientConnectionLimitsContract {

    @Override
    protected String cheapPath() {
        return "/q/health/live";
    }
}
