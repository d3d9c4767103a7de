package org.netwright.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The module rules of docs/ARCHITECTURE.md, checked on the compiled classes and on each module's POM. */
class ModuleRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.netwright");
    }

    @Test
    void modelUsesNeitherJavaFxNorDjlNorAnotherModuleOfOurs() {
        noClasses().that().resideInAPackage("org.netwright.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..", "org.netwright.editor..",
                        "org.netwright.runner..", "org.netwright.app..", "org.netwright.templates..")
                .check(classes);
    }

    @Test
    void onlyTheStoreTouchesSql() {
        noClasses().that().resideOutsideOfPackage("org.netwright.model.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(classes);
    }

    @Test
    void theEditorNeverSeesTheRunner() {
        noClasses().that().resideInAPackage("org.netwright.editor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netwright.runner..", "org.netwright.app..",
                        "ai.djl..")
                .check(classes);
    }

    @Test
    void theRunnerNeverSeesTheEditorNorJavaFx() {
        noClasses().that().resideInAPackage("org.netwright.runner..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netwright.editor..", "org.netwright.app..",
                        "javafx..")
                .check(classes);
    }

    @Test
    void templatesUseOnlyTheModelOfOurs() {
        noClasses().that().resideInAPackage("org.netwright.templates..")
                .should().dependOnClassesThat().resideInAnyPackage("org.netwright.editor..", "org.netwright.runner..",
                        "org.netwright.app..", "javafx..", "ai.djl..")
                .check(classes);
    }

    static Stream<Arguments> modulePoms() {
        return Stream.of(
                Arguments.of("model", Set.of()),
                Arguments.of("templates", Set.of("netwright-model")),
                Arguments.of("graph-editor", Set.of("netwright-model")),
                Arguments.of("training-runner", Set.of("netwright-model", "netwright-templates")),
                Arguments.of("app", Set.of("netwright-model", "netwright-templates", "netwright-graph-editor",
                        "netwright-training-runner")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modulePoms")
    void eachPomDependsOnlyOnTheModulesItMay(String module, Set<String> allowed) throws Exception {
        List<Dependency> deps = dependencies(module);
        Set<String> ours = new TreeSet<>();
        for (Dependency d : deps) {
            if (d.groupId().equals("org.netwright")) {
                ours.add(d.artifactId());
            }
        }
        assertEquals(new TreeSet<>(allowed), ours, module + " depends on these modules of ours");
        for (Dependency d : deps) {
            assertTrue(d.version().isEmpty(), module + " pins a version of " + d.artifactId()
                    + "; versions belong in the parent POM");
            if (!module.equals("app")) {
                assertTrue(!module.equals("model") || !(d.groupId().equals("org.openjfx") || d.groupId().startsWith("ai.djl")),
                        "model may not depend on " + d.groupId());
                assertTrue(!module.equals("graph-editor") || !d.groupId().startsWith("ai.djl"),
                        "graph-editor may not depend on DJL");
                assertTrue(!module.equals("training-runner") || !d.groupId().equals("org.openjfx"),
                        "training-runner may not depend on JavaFX");
                assertTrue(!module.equals("templates") || d.groupId().equals("org.netwright")
                                || d.groupId().startsWith("org.junit"),
                        "templates may not depend on " + d.groupId());
            }
        }
    }

    private record Dependency(String groupId, String artifactId, String version) {
    }

    private static List<Dependency> dependencies(String module) throws Exception {
        Path pom = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").resolve(module)
                .resolve("pom.xml").normalize();
        assertTrue(Files.isRegularFile(pom), "no POM at " + pom);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element project = doc.getDocumentElement();
        List<Dependency> out = new ArrayList<>();
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            // Only <project><dependencies>, not a plugin's own dependencies.
            if (children.item(i) instanceof Element e && e.getTagName().equals("dependencies")) {
                NodeList deps = e.getElementsByTagName("dependency");
                for (int j = 0; j < deps.getLength(); j++) {
                    Element d = (Element) deps.item(j);
                    out.add(new Dependency(text(d, "groupId"), text(d, "artifactId"), text(d, "version")));
                }
            }
        }
        return out;
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }
}
