package dev.dispatchsim.clienttests.app;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/junit.md's Gradle block cannot be run here (no Gradle of a recent enough version can be
 * installed), so this holds it to the Maven pom it is the twin of: the same coordinates and
 * versions, in the matching configurations, and the same Java release.
 */
class DocsGradleTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile("<!-- gradle-twin-of: (\\S+) -->\\n```kotlin\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile("(\\w+)\\(\"([^\":]+):([^\":]+):([^\":]+)\"\\)");
    private static final Pattern RELEASE = Pattern.compile("JavaLanguageVersion\\.of\\((\\d+)\\)");

    @Test
    void should_name_the_poms_coordinates_versions_and_release_when_the_docs_show_a_gradle_build() throws Exception {
        // GIVEN the Gradle block and the pom it is the twin of
        Matcher block = BLOCK.matcher(Files.readString(ROOT.resolve("docs/junit.md")));
        assertThat(block.find()).as("a gradle-twin-of block in docs/junit.md").isTrue();
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(block.group(1)).toFile());

        // WHEN both are read as coordinate -> configuration
        Map<String, String> gradle = new HashMap<>();
        Matcher dependency = DEPENDENCY.matcher(block.group(2));
        while (dependency.find()) {
            gradle.put(dependency.group(2) + ":" + dependency.group(3) + ":" + dependency.group(4), dependency.group(1));
        }
        Map<String, String> maven = new HashMap<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            String scope = text(d, "scope");
            String configuration = scope.equals("test")
                    ? (text(d, "artifactId").equals("junit-platform-launcher") ? "testRuntimeOnly" : "testImplementation")
                    : "implementation";
            maven.put(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "version"), configuration);
        }
        Matcher release = RELEASE.matcher(block.group(2));

        // THEN they agree
        assertThat(maven).hasSizeGreaterThanOrEqualTo(5);
        assertThat(gradle).isEqualTo(maven);
        assertThat(release.find()).as("a Java toolchain version in the Gradle block").isTrue();
        assertThat(release.group(1)).isEqualTo(text(pom.getDocumentElement(), "maven.compiler.release"));
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
