package io.github.romeojuliet.romeo.client.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One {@code name=value} pair of a Cookie header line, exactly as sent. */
public record CookiePair(String name, String text) {

    /** The pairs of one Cookie line whose names are listed, in order, repeats kept (a cookie jar would drop them). */
    public static List<CookiePair> named(String line, Set<String> names) {
        List<CookiePair> pairs = List.of();
        for (String pair : line.split(";")) {
            String text = pair.trim();
            int equals = text.indexOf('=');
            String name = (equals < 0 ? text : text.substring(0, equals)).trim();
            if (names.contains(name)) {
                // Built only for a line that carries a listed cookie, which most requests do not.
                if (pairs.isEmpty()) {
                    pairs = new ArrayList<>(1);
                }
                pairs.add(new CookiePair(name, text));
            }
        }
        return pairs;
    }

    public int valueLength() {
        return text.length() - text.indexOf('=') - 1;
    }
}
