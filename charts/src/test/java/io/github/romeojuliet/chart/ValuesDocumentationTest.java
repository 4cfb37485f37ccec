package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** values.yaml documents each value with "## @param", and the README's table lists the same keys. */
class ValuesDocumentationTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) ");

    @Test
    void everyValueIsDocumentedAndEveryDocumentedKeyExists() throws IOException {
        Set<String> documented = documented();
        JsonNode values = Chart.YAML.readTree(Chart.DIR.resolve("values.yaml").toFile());
        List<String> leaves = new ArrayList<>();
        leaves(values, "", leaves);
        for (String leaf : leaves) {
            assertThat(documented.stream().anyMatch(d -> leaf.equals(d) || leaf.startsWith(d + ".")))
                    .as("## @param for " + leaf).isTrue();
        }
        for (String key : documented) {
            JsonNode node = values;
            for (String part : key.split("\\.")) {
                node = node.path(part);
            }
            assertThat(node.isMissingNode()).as(key + " is documented but not in values.yaml").isFalse();
        }
    }

    @Test
    void theReadmeTableListsEveryDocumentedKey() throws IOException {
        String readme = Files.readString(Chart.DIR.resolve("README.md"));
        for (String key : documented()) {
            assertThat(readme).as("README row for " + key).contains("| `" + key + "` |");
        }
    }

    @Test
    void noTemplateGuessesFromTheClustersCapabilities() throws IOException {
        // helm template must show exactly what helm install sends, so nothing may depend on .Capabilities, with one
        // documented exception: adaptSecurityContext "auto" asks whether the cluster is OpenShift (the README's
        // OpenShift section; helm template takes --api-versions for it).
        String openShift = ".Capabilities.APIVersions.Has \"security.openshift.io/v1\"";
        int asked = 0;
        try (Stream<Path> files = Files.walk(Chart.DIR.resolve("templates"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                asked += text.split(java.util.regex.Pattern.quote(openShift), -1).length - 1;
                assertThat(text.replace(openShift, "")).as(f.toString()).doesNotContain(".Capabilities").doesNotContain("lookup ");
            }
        }
        assertThat(asked).as("templates asking whether the cluster is OpenShift").isEqualTo(1);
    }

    private static Set<String> documented() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Chart.DIR.resolve("values.yaml"))) {
            Matcher m = PARAM.matcher(line);
            if (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static void leaves(JsonNode node, String prefix, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out));
        } else {
            out.add(prefix);
        }
    }
}
