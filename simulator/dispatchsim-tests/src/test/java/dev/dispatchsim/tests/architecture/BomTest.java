package dev.dispatchsim.tests.architecture;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM has no parent (so that importing it pins nothing but our artifacts), so nothing inherits for
 * it: this keeps it in step with the build. Every published module (one that names its Java module) is
 * in it at the build's version, its install plugin is the parent's, and it carries what Maven Central
 * asks of every pom.
 */
class BomTest {

    private static final Path ROOT = Path.of("..", "..");

    @Test
    void should_list_every_published_artifact_at_the_builds_version_when_read() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("simulator/dispatchsim-bom/pom.xml"));
        List<String> published = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                Document module = read(pom);
                if (module.getElementsByTagName("automatic-module-name").getLength() > 0) {
                    published.add(child(module.getDocumentElement(), "artifactId"));
                }
            }
        }
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(child(dependency, "groupId")).isEqualTo("dev.dispatchsim");
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            managed.add(child(dependency, "artifactId"));
        }

        assertThat(published).containsExactlyInAnyOrder("dispatchsim-proto", "dispatchsim", "dispatchsim-junit5",
                "dispatchsim-assertj", "dispatchsim-testcontainers");
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
        assertThat(pluginVersion(bom, "maven-install-plugin")).isEqualTo(pluginVersion(parent, "maven-install-plugin"));
    }

    @Test
    void should_carry_what_maven_central_asks_when_the_bom_and_the_parent_are_read() throws Exception {
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("simulator/dispatchsim-bom/pom.xml"))) {
            Element project = read(pom).getDocumentElement();
            for (String field : List.of("name", "description", "url", "licenses", "developers", "scm")) {
                assertThat(child(project, field)).as("%s in %s", field, pom).isNotBlank();
            }
            assertThat(project.getElementsByTagName("license").item(0).getTextContent()).as(pom.toString())
                    .contains("Apache-2.0");
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the direct child element named {@code tag}, or "" when there is none. */
    private static String child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }

    private static String pluginVersion(Document pom, String artifactId) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (child(plugin, "artifactId").equals(artifactId)) {
                return child(plugin, "version");
            }
        }
        return "(none)";
    }
}
