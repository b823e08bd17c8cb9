package dev.browsersessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code browser-sessions-bom} aligns every published artifact, and only those: each module of the
 * root pom's {@code <modules>} that is published (does not set {@code maven.deploy.skip} to {@code
 * true}, as the examples and reliability do) is managed in {@code bom/pom.xml} at {@code
 * ${project.version}}. A module added to the build but not to the BOM, or a BOM entry left behind by
 * a removed or unpublished module, fails here. (This module imports the BOM for its own
 * dependencies, so a broken BOM also fails its build.)
 */
class BomTest {

  private static final String GROUP = "dev.browsersessions";
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();

  @Test
  void theBomManagesExactlyThePublishedModulesOfTheBuild() throws Exception {
    Element bom = read(ROOT.resolve("bom/pom.xml"));
    List<String> managed = new ArrayList<>();
    for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"),
        "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo(GROUP);
      assertThat(text(d, "version")).as(text(d, "artifactId")).isEqualTo("${project.version}");
      assertThat(Optional.ofNullable(child(d, "type")).map(Node::getTextContent))
          .as("type of %s", text(d, "artifactId")).isEmpty();
      managed.add(text(d, "artifactId"));
    }

    TreeSet<String> published = new TreeSet<>();
    for (Element m : children(child(read(ROOT.resolve("pom.xml")), "modules"), "module")) {
      Element module = read(ROOT.resolve(m.getTextContent().strip()).resolve("pom.xml"));
      Element properties = child(module, "properties");
      boolean skipsDeploy =
          properties != null && "true".equals(text(properties, "maven.deploy.skip"));
      String artifactId = text(module, "artifactId");
      if (!skipsDeploy && !"browser-sessions-bom".equals(artifactId)) {
        published.add(artifactId);
      }
    }

    assertThat(published).as("published modules").contains("browser-sessions-api");
    assertThat(managed).as("bom/pom.xml").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(published);
  }

  private static Element read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
        .getDocumentElement();
  }

  /** The first direct child element of that name, or {@code null}. */
  private static Element child(Element parent, String name) {
    List<Element> all = children(parent, name);
    return all.isEmpty() ? null : all.get(0);
  }

  /** The direct child elements of that name (not those of a profile further down). */
  private static List<Element> children(Element parent, String name) {
    assertThat(parent).as("<%s>'s parent", name).isNotNull();
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().strip();
  }
}
