package io.github.romeojuliet.romeo.connections;

import io.github.romeojuliet.common.testing.Http1FramingContract;
import io.quarkus.test.junit.QuarkusTest;

/** Romeo refuses HTTP/1.1 requests he cannot frame safely. */
@QuarkusTest
class Http1FramingTest extends Http1FramingContract {

    @Override
    protected String cheapPath() {
        return "/q/health/live";
    }
}
