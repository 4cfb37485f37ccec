package io.github.romeojuliet.juliet.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Romeo asks Juliet to upgrade his connection to HTTP/2 without TLS (h2c) and then sends his
 * calls as streams on it. Juliet's one port takes the upgrade and answers both greetings over it,
 * and still answers HTTP/1.1 for everybody else.
 */
@QuarkusTest
class GreetingOverHttp2Test {

    @TestHTTPResource("/romeo-please-call-me")
    URI greeting;

    @Test
    void upgradesToHttp2AndAnswersBothForms() throws Exception {
        // The JDK's client asks for h2c with an Upgrade header on http:// URIs, as Romeo's does.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> text = client.send(request("text/plain"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> json = client.send(request("application/json"), HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_2, text.version(), "the protocol of the text greeting");
        assertEquals(GreetingResourceTest.GREETING, text.body());
        assertEquals(HttpClient.Version.HTTP_2, json.version(), "the protocol of the JSON greeting");
        assertEquals(200, json.statusCode());
        assertEquals("application/json;charset=UTF-8", json.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void stillAnswersHttp11() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> text = client.send(request("text/plain"), HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_1_1, text.version());
        assertEquals(GreetingResourceTest.GREETING, text.body());
    }

    private HttpRequest request(String accept) {
        return HttpRequest.newBuilder(greeting).header("Accept", accept).timeout(Duration.ofSeconds(5)).build();
    }
}
