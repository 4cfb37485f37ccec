package io.github.romeojuliet.juliet.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** An A/B variant overrides the greeting, version and pod name through configuration alone. */
@QuarkusTest
@TestProfile(VariantV2Profile.class)
class GreetingVariantTest {

    @Test
    void variantAnswersItsOwnGreetingAndVersion() {
        given().when().get("/romeo-please-call-me")
                .then().statusCode(200)
                .header(WhoAnsweredFilter.VERSION_HEADER, equalTo("v2"))
                .header(WhoAnsweredFilter.POD_HEADER, equalTo("juliet-v2-7c9d8-abcde"))
                .body(equalTo("Hello Romeo, this is Juliet v2."));
    }

    @Test
    void variantJsonCarriesItsVersion() {
        given().accept("application/json").when().get("/romeo-please-call-me")
                .then().statusCode(200)
                .body("message", equalTo("Hello Romeo, this is Juliet v2."))
                .body("version", equalTo("v2"))
                .body("pod", equalTo("juliet-v2-7c9d8-abcde"));
    }
}
