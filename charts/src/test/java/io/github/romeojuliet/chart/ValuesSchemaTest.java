package io.github.romeojuliet.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad values are refused by Helm itself, before anything reaches a cluster: types, ranges and enums by
 * values.schema.json, rules across keys by the validateValues helper. Each file in bad-values/ starts with
 * "# expect: ..." naming the text Helm's error must contain, which always names the offending key.
 */
class ValuesSchemaTest {

    static List<Path> badValues() {
        try (Stream<Path> files = Files.list(Path.of(ValuesSchemaTest.class.getResource("/bad-values").toURI()))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void helmRejectsBadValuesNamingTheKey(Path file) throws IOException {
        String firstLine = Files.readAllLines(file).get(0);
        assertThat(firstLine).startsWith("# expect: ");
        String expected = firstLine.substring("# expect: ".length());

        assertThat(Chart.renderError(file)).contains(expected);
    }

    @Test
    void thereAreEnoughBadValuesFiles() {
        assertThat(badValues()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theSchemaIsStrictAtEveryLevel() throws IOException {
        String schema = Files.readString(Chart.DIR.resolve("values.schema.json"));
        var root = Chart.YAML.readTree(schema);
        assertThat(root.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(root.path("properties").path("juliet").path("additionalProperties").asBoolean(true)).isFalse();
    }
}
