package io.github.romeojuliet.juliet.rest;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks every greeting that reaches Quarkus REST, so a test can tell which route answered: this
 * route runs after {@link PlainGreetingRoute} and before REST, and only for what the plain route
 * passed on. Installed only under {@link MarkRestAnswersProfile}.
 */
@ApplicationScoped
@IfBuildProperty(name = MarkRestAnswersProfile.PROPERTY, stringValue = "true")
public class RestAnswerMarker {

    static final String HEADER = "X-Test-Answered-By-Rest";

    void install(@Observes Router router) {
        router.route(GreetingResource.PATH).order(-700).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response().putHeader(HEADER, "true"));
            context.next();
        });
    }
}
