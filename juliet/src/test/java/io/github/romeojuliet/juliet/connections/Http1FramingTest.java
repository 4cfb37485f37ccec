package io.github.romeojuliet.juliet.connections;

import io.github.romeojuliet.common.testing.Http1FramingContract;
import io.quarkus.test.junit.QuarkusTest;

/** Juliet refuses HTTP/1.1 requests she cannot frame safely. */
@QuarkusTest
class Http1FramingTest extends Http1FramingContract {

    @Override
    protected String cheapPath() {
        return "/romeo-please-call-me";
    }
}
