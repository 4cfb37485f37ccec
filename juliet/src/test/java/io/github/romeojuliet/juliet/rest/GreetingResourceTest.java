package io.github.romeojuliet.juliet.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.common.rest.Problem;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GreetingResourceTest {

    /** The version a plain build reports: the project's, passed in by Maven. */
    static final String VERSION = System.getProperty("project.version");

    static final String GREETING = "Hello Romeo, this is Juliet.";

    @Test
    void answersTheExactGreetingAsPlainText() {
        String body = given().when().get("/romeo-please-call-me")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .extract().asString();
        assertEquals(GREETING, body);
    }

    @Test
    void namesTheVersionAndPodThatAnswered() {
        given().when().get("/romeo-please-call-me")
                .then().statusCode(200)
                .header(WhoAnsweredFilter.VERSION_HEADER, equalTo(VERSION))
                .header(WhoAnsweredFilter.POD_HEADER, not(emptyOrNullString()));
    }

    @Test
    void answersJsonWithMessageVersionAndPod() {
        given().accept("application/json").when().get("/romeo-please-call-me")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("message", equalTo(GREETING))
                .body("version", equalTo(VERSION))
                .body("pod", not(emptyOrNullString()));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().when().get("/romeo-please-text-me")
                .then().statusCode(404)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header(WhoAnsweredFilter.VERSION_HEADER, equalTo(VERSION))
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("GET /romeo-please-text-me: Not Found"))
                .body("instance", equalTo("/romeo-please-text-me"));
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().when().post("/romeo-please-call-me")
                .then().statusCode(405)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header(WhoAnsweredFilter.VERSION_HEADER, equalTo(VERSION))
                .body("status", equalTo(405))
                .body("detail", equalTo("POST /romeo-please-call-me: Method Not Allowed"));
    }

    @Test
    void unacceptableMediaTypeIsA406Problem() {
        given().accept("application/xml").when().get("/romeo-please-call-me")
                .then().statusCode(406)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header(WhoAnsweredFilter.VERSION_HEADER, equalTo(VERSION))
                .body("status", equalTo(406));
    }
}
