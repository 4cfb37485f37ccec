package io.github.romeojuliet.juliet.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application: the runnable jar, or the native executable. */
@QuarkusIntegrationTest
class GreetingResourceIT extends GreetingResourceTest {
}
