package io.github.romeojuliet.juliet.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who is answering: the version and pod that every response names, resolved once at start-up. */
@ApplicationScoped
public class Identity {

    private final String version;
    private final String pod;

    Identity(JulietConfig config) {
        this.version = config.version();
        this.pod = config.pod().filter(name -> !name.isBlank()).orElseGet(Identity::hostName);
    }

    public String version() {
        return version;
    }

    public String pod() {
        return pod;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
