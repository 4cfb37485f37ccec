package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same request reaches the same backend on ingress-nginx, Traefik and the Gateway API, across the routes of
 * one release and of two releases on one controller. Each provider's rendered routes are read the way it reads
 * them: ingress-nginx picks the server by host (rules without a host live in the default server), then Exact,
 * then the longest Prefix by whole path segments; the Gateway API ranks the most specific matching hostname,
 * then Exact, then the longest prefix (by segments), then header matches; Traefik takes the matching router of
 * highest priority, and two of equal priority leave the winner undefined, which fails here.
 * The cases are the README's table "Which route a request takes".
 */
class RoutingPrecedenceTest {

    private static final String NONE = "no route";

    /** One release with three path routes, including "/", beside Juliet's own path. */
    private static final Map<String, Object> PATHS = Map.of("routing.enabled", true,
            "routing.paths.web.path", "/", "routing.paths.web.service", "romeo-service",
            "routing.paths.shallow.path", "/service", "routing.paths.shallow.service", "romeo-service",
            "routing.paths.deep.path", "/service/juliet", "routing.paths.deep.service", "juliet-service");
    /** Two releases: the default one without a host and a second with its own prefix and host. */
    private static final Map<String, Object> FIRST = Map.of("routing.enabled", true);
    private static final Map<String, Object> SECOND = Map.of("routing.enabled", true, "namePrefix", "blue-", "routing.host", "blue.juliet.internal");

    record Case(String setup, String host, String path, String backend) {
    }

    /** The README's table: setup, host, path, backend. */
    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(Chart.DIR.resolve("README.md"))) {
            if (line.startsWith("| Setup | Host | Path | Goes to |")) {
                in = true;
                continue;
            }
            if (in && !line.startsWith("|")) {
                break;
            }
            if (in && !line.startsWith("| ---")) {
                String[] cells = line.split("\\|");
                cases.add(new Case(unquote(cells[1]), unquote(cells[2]), unquote(cells[3]), unquote(cells[4])));
            }
        }
        assertThat(cases).as("the README's routing table").hasSizeGreaterThanOrEqualTo(8);
        return cases;
    }

    private static String unquote(String cell) {
        return cell.trim().replace("`", "");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nginx", "gatewayApi", "traefik"})
    void theSameRequestReachesTheSameBackendOnEveryProvider(String provider) throws IOException {
        for (Case c : cases()) {
            List<Chart.Rendered> releases = switch (c.setup()) {
                case "one release with path routes" -> List.of(render(PATHS, provider));
                case "two releases" -> List.of(render(FIRST, provider), render(SECOND, provider));
                default -> throw new AssertionError("unknown setup " + c.setup());
            };
            String host = c.host().equals("any") ? "other.internal" : c.host();
            assertThat(route(provider, releases, host, c.path())).as("%s: %s, Host %s, %s", provider, c.setup(), host, c.path())
                    .isEqualTo(c.backend());
        }
    }

    @Test
    void theCasesCoverWhatTheIssueAsks() throws IOException {
        List<String> paths = cases().stream().map(Case::path).toList();
        assertThat(paths).contains("/romeo-please-call-meX", "/service/juliet/x", "/service/x", "/elsewhere");
        assertThat(cases().stream().map(Case::host)).contains("blue.juliet.internal", "any");
    }

    private static Chart.Rendered render(Map<String, Object> sets, String provider) {
        Map<String, Object> all = new java.util.HashMap<>(sets);
        all.put("routing.provider", provider);
        return Chart.render(all);
    }

    private static String route(String provider, List<Chart.Rendered> releases, String host, String path) {
        return switch (provider) {
            case "nginx" -> nginx(releases, host, path);
            case "gatewayApi" -> gatewayApi(releases, host, path);
            default -> traefik(releases, host, path);
        };
    }

    /** A candidate route: the host it is bound to ("" for none), its path and type, and its backend. */
    private record Candidate(String host, String path, boolean exact, int headerMatches, String backend) {
    }

    private static String nginx(List<Chart.Rendered> releases, String host, String path) {
        List<Candidate> all = new ArrayList<>();
        releases.forEach(r -> r.ofKind("Ingress").stream().filter(i -> !i.path("metadata").path("annotations").has("nginx.ingress.kubernetes.io/canary"))
                .forEach(i -> i.path("spec").path("rules").forEach(rule -> rule.path("http").path("paths").forEach(p -> all.add(new Candidate(
                        rule.path("host").asText(), p.path("path").asText(), p.path("pathType").asText().equals("Exact"), 0,
                        p.path("backend").path("service").path("name").asText()))))));
        // The server: a host's own server block when one exists, else the default server with the host-less rules.
        boolean ownServer = all.stream().anyMatch(c -> hostMatches(c.host(), host) && !c.host().isEmpty());
        return best(all.stream().filter(c -> ownServer ? !c.host().isEmpty() && hostMatches(c.host(), host) : c.host().isEmpty())
                .filter(c -> pathMatches(c, path)).toList(), Comparator.comparing((Candidate c) -> c.exact() ? 1 : 0)
                .thenComparing(c -> c.path().length()));
    }

    private static String gatewayApi(List<Chart.Rendered> releases, String host, String path) {
        List<Candidate> all = new ArrayList<>();
        releases.forEach(r -> r.ofKind("HTTPRoute").forEach(h -> {
            List<String> hostnames = new ArrayList<>();
            h.path("spec").path("hostnames").forEach(n -> hostnames.add(n.asText()));
            if (hostnames.isEmpty()) {
                hostnames.add("");
            }
            for (String hostname : hostnames) {
                for (JsonNode rule : h.path("spec").path("rules")) {
                    for (JsonNode m : rule.path("matches")) {
                        all.add(new Candidate(hostname, m.path("path").path("value").asText("/"), m.path("path").path("type").asText().equals("Exact"),
                                m.path("headers").size(), rule.path("backendRefs").get(0).path("name").asText()));
                    }
                }
            }
        }));
        return best(all.stream().filter(c -> hostMatches(c.host(), host) && pathMatches(c, path) && c.headerMatches() == 0).toList(),
                Comparator.comparing((Candidate c) -> c.host().isEmpty() ? 0 : c.host().startsWith("*.") ? 1 : 2)
                        .thenComparing(c -> c.exact() ? 1 : 0).thenComparing(c -> c.path().length()));
    }

    private static String traefik(List<Chart.Rendered> releases, String host, String path) {
        List<JsonNode> matching = new ArrayList<>();
        releases.forEach(r -> r.ofKind("IngressRoute").forEach(i -> i.path("spec").path("routes").forEach(route -> {
            if (TraefikRule.matches(route.path("match").asText(), new TraefikRule.Request(host, path, Map.of()))) {
                matching.add(route);
            }
        })));
        if (matching.isEmpty()) {
            return NONE;
        }
        int top = matching.stream().mapToInt(m -> m.path("priority").asInt()).max().orElseThrow();
        List<String> winners = matching.stream().filter(m -> m.path("priority").asInt() == top)
                .map(m -> m.path("services").get(0).path("name").asText()).distinct().toList();
        assertThat(winners).as("Traefik routers of equal priority %d for Host %s %s: which answers is undefined", top, host, path).hasSize(1);
        return winners.get(0);
    }

    private static String best(List<Candidate> candidates, Comparator<Candidate> rank) {
        return candidates.stream().max(rank).map(Candidate::backend).orElse(NONE);
    }

    private static boolean hostMatches(String pattern, String host) {
        if (pattern.isEmpty()) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1)) && host.indexOf('.') == host.length() - pattern.length() + 1;
        }
        return pattern.equalsIgnoreCase(host);
    }

    /** Exact, or a prefix by whole segments, as the Ingress API and the Gateway API define Prefix/PathPrefix. */
    private static boolean pathMatches(Candidate c, String path) {
        if (c.exact()) {
            return c.path().equals(path);
        }
        String prefix = c.path().endsWith("/") ? c.path().substring(0, c.path().length() - 1) : c.path();
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
