package io.github.romeojuliet.chart;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart installs, by default, the images the release publishes: registry and group are named
 * once, in the root pom's properties, which Quarkus's Jib build and scripts/lib.sh read. A chart
 * default or a service's application.properties that names another place fails here.
 */
class ImageDefaultsAgreementTest {

    private static final Path ROOT = Chart.DIR.getParent().getParent();

    @Test
    void defaultImagesAreWhereTheReleasePublishesThem() {
        String version = VersionAgreementTest.rootPomVersion();
        String published = rootPomProperty("quarkus.container-image.registry") + "/"
                + rootPomProperty("quarkus.container-image.group") + "/";
        Chart.Rendered r = Chart.render();
        assertThat(r.pod("Deployment/juliet-v1").container("juliet").path("image").asText())
                .isEqualTo(published + "juliet:" + version);
        assertThat(r.pod("Deployment/romeo").container("romeo").path("image").asText())
                .isEqualTo(published + "romeo:" + version);
    }

    @Test
    void noServiceNamesAnotherRegistryOrGroup() throws IOException {
        for (String service : List.of("juliet", "romeo")) {
            assertThat(Files.readAllLines(ROOT.resolve(service + "/src/main/resources/application.properties")))
                    .as(service + "'s application.properties; the root pom names the registry and group")
                    .noneMatch(line -> line.matches("\\s*(%\\w+\\.)?quarkus\\.container-image\\.(registry|group)\\s*=.*"));
        }
    }

    private static String rootPomProperty(String name) {
        try {
            var properties = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement().getElementsByTagName("properties");
            var values = ((org.w3c.dom.Element) properties.item(0)).getElementsByTagName(name);
            assertThat(values.getLength()).as("<" + name + "> in the root pom's <properties>").isEqualTo(1);
            return values.item(0).getTextContent().trim();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the root pom: " + e.getMessage(), e);
        }
    }
}
