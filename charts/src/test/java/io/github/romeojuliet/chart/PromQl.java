package io.github.romeojuliet.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PromQL expression reads, for checking it against what the services export: the metric names it
 * selects, the label names it matches or groups by, and the value of each label matcher. Covers the PromQL the
 * chart writes (selectors, aggregations with by/without, vector matching, label_replace, Grafana's label_values).
 */
record PromQl(Set<String> metrics, Set<String> labels, List<LabelMatcher> matchers) {

    record LabelMatcher(String metric, String label, String op, String value) {
    }

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    /** label_replace(v, "dst", "replacement", "src", "regex"): src is read, dst is made. */
    private static final Pattern LABEL_REPLACE_SOURCE = Pattern.compile(
            "\"[^\"]*\"\\s*,\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]*)\"\\s*,\\s*\"[^\"]*\"\\s*\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*(\\w+)\\s*\\)$");
    private static final Pattern NAME = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    static PromQl parse(String expr) {
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        List<LabelMatcher> matchers = new ArrayList<>();
        Matcher values = LABEL_VALUES.matcher(expr.trim());
        if (values.matches()) {
            return new PromQl(Set.of(values.group(1)), Set.of(values.group(2)), List.of());
        }
        Matcher source = LABEL_REPLACE_SOURCE.matcher(expr);
        while (source.find()) {
            labels.add(source.group(1));
        }
        String rest = expr.replaceAll("label_replace\\((.*?),\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\"\\s*\\)", "label_replace($1)");
        Matcher s = SELECTOR.matcher(rest);
        StringBuilder withoutSelectors = new StringBuilder();
        while (s.find()) {
            String metric = s.group(1);
            if (metric != null) {
                metrics.add(metric);
            }
            Matcher m = MATCHER.matcher(s.group(2));
            while (m.find()) {
                labels.add(m.group(1));
                matchers.add(new LabelMatcher(metric, m.group(1), m.group(2), m.group(3)));
            }
            s.appendReplacement(withoutSelectors, " ");
        }
        s.appendTail(withoutSelectors);
        rest = withoutSelectors.toString();
        Matcher g = GROUPING.matcher(rest);
        while (g.find()) {
            for (String label : g.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.trim());
                }
            }
        }
        rest = GROUPING.matcher(rest).replaceAll(" ").replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Matcher n = NAME.matcher(rest);
        while (n.find()) {
            if (!KEYWORDS.contains(n.group(1)) && !n.group(1).matches("(group_left|group_right|by|without|on|ignoring)")) {
                metrics.add(n.group(1));
            }
        }
        return new PromQl(metrics, labels, matchers);
    }
}
