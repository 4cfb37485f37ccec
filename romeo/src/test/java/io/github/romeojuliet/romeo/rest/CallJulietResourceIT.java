package io.github.romeojuliet.romeo.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same chain with Romeo packaged too: the runnable jar, or the native executable. */
@QuarkusIntegrationTest
class CallJulietResourceIT extends CallJulietResourceTest {
}
