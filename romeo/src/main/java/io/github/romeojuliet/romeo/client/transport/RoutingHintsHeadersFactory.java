package io.github.romeojuliet.romeo.client.transport;

import io.github.romeojuliet.romeo.config.RomeoConfig;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Passes the caller's A/B routing hints on to Juliet: the allow-listed headers and cookies, and
 * nothing else, so credentials and tracing noise never leak into the call.
 */
@Singleton
public class RoutingHintsHeadersFactory implements ClientHeadersFactory {

    private final Set<String> headers;
    private final Set<String> cookies;

    RoutingHintsHeadersFactory(RomeoConfig config) {
        this.headers = caseInsensitive(config.forwardHeaders());
        this.cookies = Set.copyOf(config.forwardCookies());
    }

    /**
     * Returns only the hints: the REST client sets each returned header on the request and leaves
     * the others as they are, so copying its own headers back would be work for nothing.
     */
    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> hints = new MultivaluedHashMap<>();
        if (incoming == null) {
            return hints;
        }
        StringJoiner forwardedCookies = new StringJoiner("; ");
        for (Map.Entry<String, List<String>> header : incoming.entrySet()) {
            String name = header.getKey();
            if (HttpHeaders.COOKIE.equalsIgnoreCase(name)) {
                for (String line : header.getValue()) {
                    CookiePair.named(line, cookies).forEach(pair -> forwardedCookies.add(pair.text()));
                }
            } else if (headers.contains(name)) {
                hints.put(name, header.getValue());
            }
        }
        if (forwardedCookies.length() > 0) {
            hints.putSingle(HttpHeaders.COOKIE, forwardedCookies.toString());
        }
        return hints;
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

}
