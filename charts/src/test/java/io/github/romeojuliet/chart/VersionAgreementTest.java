package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One version everywhere: the root pom's version is the single source. The chart's appVersion must
 * equal it, the images the chart installs by default must carry it as their tag, and the services
 * must tag their images with it, so a release built from this checkout installs the images it
 * pushed. scripts/release.sh version X changes all of them at once; this test catches a hand edit
 * that changed one.
 */
class VersionAgreementTest {

    private static final Path ROOT = Chart.DIR.getParent().getParent();
    /** Helm requires SemVer 2 for a chart's version (and OCI tags cannot carry '+'). */
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");

    @Test
    void chartAppVersionIsTheRootPomVersion() throws IOException {
        JsonNode chart = Chart.YAML.readTree(Chart.DIR.resolve("Chart.yaml").toFile());
        assertThat(chart.path("appVersion").asText())
                .as("Chart.yaml appVersion; set both with scripts/release.sh version X")
                .isEqualTo(rootPomVersion());
        assertThat(chart.path("version").asText()).as("Chart.yaml version must be SemVer 2 without build metadata")
                .matches(SEMVER);
    }

    @Test
    void defaultImagesAreTaggedWithTheRootPomVersion() {
        String version = rootPomVersion();
        Chart.Rendered r = Chart.render();
        assertThat(r.pod("Deployment/juliet-v1").container("juliet").path("image").asText()).endsWith(":" + version);
        assertThat(r.pod("Deployment/romeo").container("romeo").path("image").asText()).endsWith(":" + version);
        assertThat(Chart.render(Map.of("global.imageFlavor", "native")).pod("Deployment/romeo")
                .container("romeo").path("image").asText()).endsWith(":" + version + "-native");
    }

    @Test
    void servicesTagTheirImagesWithTheApplicationVersion() throws IOException {
        for (String service : List.of("juliet", "romeo")) {
            // Quarkus's application version is the module's Maven version, which is its parent's.
            assertThat(Files.readAllLines(ROOT.resolve(service + "/src/main/resources/application.properties")))
                    .as(service + "'s image tag").contains("quarkus.container-image.tag=${quarkus.application.version}");
            assertThat(parentVersion(ROOT.resolve(service + "/pom.xml"))).as(service + "'s parent version")
                    .isEqualTo(rootPomVersion());
        }
    }

    /** The root pom's own version element (not its parent's, nor a dependency's). */
    static String rootPomVersion() {
        return childText(pom(ROOT.resolve("pom.xml")), "version");
    }

    private static String parentVersion(Path pom) {
        Element project = pom(pom);
        return childText((Element) project.getElementsByTagName("parent").item(0), "version");
    }

    private static Element pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String childText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        throw new IllegalStateException("no <" + name + "> directly under <" + parent.getTagName() + ">");
    }
}
