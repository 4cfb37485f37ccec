package io.github.romeojuliet.juliet.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Everything an operator may change about how Juliet answers, read from {@code juliet.*}. */
@ConfigMapping(prefix = "juliet")
public interface JulietConfig {

    /** The text Romeo hears; A/B variants override it to tell themselves apart. */
    @WithDefault("Hello Romeo, this is Juliet.")
    String greeting();

    /** The version Juliet reports; a variant sets its own, otherwise the application version. */
    String version();

    /**
     * The pod that answers. Kubernetes passes it through the downward API as {@code POD_NAME};
     * elsewhere the host name stands in for it.
     */
    Optional<String> pod();
}
