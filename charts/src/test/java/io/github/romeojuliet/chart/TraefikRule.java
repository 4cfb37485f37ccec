package io.github.romeojuliet.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Traefik v3 router rule (docs: routing/routers, "Rule") evaluated against a request: the matchers the chart
 * uses (Host, HostRegexp, Path, PathPrefix, Header, HeaderRegexp) joined by &&, || and parentheses.
 */
final class TraefikRule {

    /** A request as a router sees it; header names in lower case. */
    record Request(String host, String path, Map<String, String> headers) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\s*(&&|\\|\\||\\(|\\)|!|(\\w+)\\(((?:`[^`]*`\\s*,?\\s*)*)\\))");
    private static final Pattern ARG = Pattern.compile("`([^`]*)`");

    private final List<String> tokens = new ArrayList<>();
    private int next;

    private TraefikRule(String rule) {
        Matcher m = TOKEN.matcher(rule);
        int end = 0;
        while (m.lookingAt()) {
            tokens.add(m.group(1));
            end = m.end();
            m.region(end, rule.length());
        }
        if (!rule.substring(end).isBlank()) {
            throw new AssertionError("cannot read Traefik rule " + rule + " from: " + rule.substring(end));
        }
    }

    static boolean matches(String rule, Request request) {
        TraefikRule parser = new TraefikRule(rule);
        boolean result = parser.or(request);
        if (parser.next != parser.tokens.size()) {
            throw new AssertionError("trailing tokens in Traefik rule " + rule);
        }
        return result;
    }

    private boolean or(Request r) {
        boolean value = and(r);
        while (next < tokens.size() && tokens.get(next).equals("||")) {
            next++;
            value |= and(r);
        }
        return value;
    }

    private boolean and(Request r) {
        boolean value = unary(r);
        while (next < tokens.size() && tokens.get(next).equals("&&")) {
            next++;
            value &= unary(r);
        }
        return value;
    }

    private boolean unary(Request r) {
        String token = tokens.get(next++);
        if (token.equals("!")) {
            return !unary(r);
        }
        if (token.equals("(")) {
            boolean value = or(r);
            if (!tokens.get(next++).equals(")")) {
                throw new AssertionError("unbalanced parentheses in Traefik rule");
            }
            return value;
        }
        String name = token.substring(0, token.indexOf('('));
        List<String> args = new ArrayList<>();
        Matcher a = ARG.matcher(token);
        while (a.find()) {
            args.add(a.group(1));
        }
        String header = args.size() > 1 ? r.headers().get(args.get(0).toLowerCase()) : null;
        return switch (name) {
            case "Host" -> args.get(0).equalsIgnoreCase(r.host());
            case "HostRegexp" -> r.host() != null && Pattern.compile(args.get(0)).matcher(r.host()).find();
            case "Path" -> r.path().equals(args.get(0));
            case "PathPrefix" -> r.path().startsWith(args.get(0));
            case "Header" -> args.get(1).equals(header);
            case "HeaderRegexp" -> header != null && Pattern.compile(args.get(1)).matcher(header).find();
            default -> throw new AssertionError("unknown Traefik matcher " + name);
        };
    }
}
