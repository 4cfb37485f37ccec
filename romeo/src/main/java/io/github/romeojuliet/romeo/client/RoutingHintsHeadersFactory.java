package io.github.romeojuliet.romeo.client;

import io.github.romeojuliet.romeo.config.RomeoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Passes the caller's A/B routing hints on to Juliet: the allow-listed headers and cookies, and
 * nothing else, so credentials and tracing noise never leak into the call.
 */
@ApplicationScoped
public class RoutingHintsHeadersFactory implements ClientHeadersFactory {

    private final Set<String> headers;
    private final Set<String> cookies;

    RoutingHintsHeadersFactory(RomeoConfig config) {
        this.headers = caseInsensitive(config.forwardHeaders());
        this.cookies = Set.copyOf(config.forwardCookies());
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> hints = new MultivaluedHashMap<>(outgoing);
        if (incoming == null) {
            return hints;
        }
        incoming.forEach((name, values) -> {
            if (headers.contains(name)) {
                hints.put(name, values);
            }
        });
        String forwardedCookies = forwardedCookies(incoming);
        if (!forwardedCookies.isEmpty()) {
            hints.putSingle(HttpHeaders.COOKIE, forwardedCookies);
        }
        return hints;
    }

    private String forwardedCookies(MultivaluedMap<String, String> incoming) {
        return incoming.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(HttpHeaders.COOKIE))
                .flatMap(header -> header.getValue().stream())
                .flatMap(line -> List.of(line.split(";")).stream())
                .map(String::trim)
                .filter(pair -> cookies.contains(pair.split("=", 2)[0].trim()))
                .collect(Collectors.joining("; "));
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

}
