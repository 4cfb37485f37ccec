package io.github.romeojuliet.juliet.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Installs {@link RestAnswerMarker}. */
public class MarkRestAnswersProfile implements QuarkusTestProfile {

    static final String PROPERTY = "test.mark-rest-answers";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(PROPERTY, "true");
    }
}
