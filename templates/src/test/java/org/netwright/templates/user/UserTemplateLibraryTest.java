package org.netwright.templates.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** Saving, listing and removing the user's own templates; bad files are reported and left alone. */
class UserTemplateLibraryTest {
    @TempDir
    Path home;

    private UserTemplateLibrary library() {
        return UserTemplateLibrary.in(home.resolve(".netwright"));
    }

    @Test
    void aSavedTemplateListsWithItsNetworkSettingsAndWordsAndOpensAsATemplate() {
        Template cnn = TemplateLibrary.find("shapes-cnn").orElseThrow();
        TrainingSettings settings = cnn.settings().withData(new DataRecipe("generator", Map.of("name", "shapes",
                "samples", "600")));
        UserTemplate saved = library().save("  My shapes CNN: v2 ", "Wider first layer.", List.of(" vision", "", "small",
                "small"), cnn.graph(), settings);
        assertEquals("my-my-shapes-cnn-v2", saved.id());
        assertTrue(Files.isRegularFile(home.resolve(".netwright/templates/my-shapes-cnn-v2.json")));

        UserTemplateLibrary.Listing listing = library().list();
        assertEquals(List.of(), listing.skipped());
        UserTemplate read = listing.templates().get(0);
        assertEquals("My shapes CNN: v2", read.name());
        assertEquals("Wider first layer.", read.description());
        assertEquals(List.of("vision", "small"), read.tags());
        assertEquals(cnn.graph(), read.graph());
        assertEquals(settings, read.settings());
        assertEquals(saved.saved(), read.saved());
        Template asTemplate = read.toTemplate();
        assertEquals(saved.id(), asTemplate.id());
        assertEquals("My shapes CNN: v2", asTemplate.title());
        assertTrue(UserTemplate.isUser(asTemplate.id()));
        assertTrue(TemplateLibrary.all().stream().noneMatch(t -> UserTemplate.isUser(t.id())));
    }

    @Test
    void namesAreRefusedWithAReason() {
        Graph g = TemplateLibrary.find("two-moons-mlp").orElseThrow().graph();
        TrainingSettings s = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
        assertEquals("Give the template a name.", library().whyNot("  "));
        assertEquals("The name needs at least one letter or digit.", library().whyNot("::"));
        assertTrue(library().whyNot("x".repeat(81)).contains("keep it to 80"));
        assertNull(library().whyNot("Moons"));
        library().save("Moons", "", List.of(), g, s);
        UserTemplateException e = assertThrows(UserTemplateException.class,
                () -> library().save("moons", "", List.of(), g, s));
        assertTrue(e.getMessage().contains("named \"Moons\" already"), e.getMessage());
        // Another name that makes the same file name gets a file of its own; neither is overwritten.
        library().save("Moons!", "", List.of(), g, s);
        assertTrue(Files.isRegularFile(library().folder().resolve("moons-2.json")));
        assertEquals(2, library().list().templates().size());
    }

    @Test
    void unreadableFilesAreListedWithTheirReasonAndLeftAsTheyWere() throws Exception {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        library().save("Good one", "", List.of(), moons.graph(), moons.settings());
        Path folder = library().folder();
        Map<String, String> bad = Map.of(
                "broken.json", "{\"format\": \"netwright-template\",\n  \"version\": ",
                "other.json", "{\"format\": \"something-else\"}",
                "future.json", "{\"format\": \"netwright-template\", \"version\": 9}",
                "nograph.json", "{\"format\": \"netwright-template\", \"version\": 1, \"name\": \"x\"}",
                "badgraph.json", "{\"format\": \"netwright-template\", \"version\": 1, \"name\": \"x\", "
                        + "\"graph\": {\"format\": \"netwright-graph\", \"version\": 1, \"nodes\": [{\"id\": 3}]}, "
                        + "\"settings\": {}}");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Files.writeString(folder.resolve(e.getKey()), e.getValue());
        }
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1};
        Files.write(folder.resolve("binary.json"), binary);
        Files.writeString(folder.resolve("notes.txt"), "not a template, not listed");

        UserTemplateLibrary.Listing listing = library().list();
        assertEquals(List.of("Good one"), listing.templates().stream().map(UserTemplate::name).toList());
        Map<String, String> reasons = new java.util.TreeMap<>();
        listing.skipped().forEach(s -> reasons.put(s.file().getFileName().toString(), s.reason()));
        assertEquals(List.of("badgraph.json", "binary.json", "broken.json", "future.json", "nograph.json", "other.json"),
                List.copyOf(reasons.keySet()));
        assertTrue(reasons.get("broken.json").startsWith("it is not valid JSON (line 2"), reasons.get("broken.json"));
        assertEquals("it is not a Netwright template (its \"format\" is not \"netwright-template\")",
                reasons.get("other.json"));
        assertEquals("it is a template of version 9, and this Netwright reads version 1", reasons.get("future.json"));
        assertEquals("it lacks its \"graph\" or its \"settings\"", reasons.get("nograph.json"));
        assertTrue(reasons.get("badgraph.json").startsWith("its network or settings cannot be read: "),
                reasons.get("badgraph.json"));
        assertTrue(listing.skipped().stream().anyMatch(s -> s.sentence().equals(
                "future.json is skipped: it is a template of version 9, and this Netwright reads version 1.")));
        // Nothing is lost: every file is still there, byte for byte.
        for (Map.Entry<String, String> e : bad.entrySet()) {
            assertEquals(e.getValue(), Files.readString(folder.resolve(e.getKey())));
        }
        assertArrayEquals(binary, Files.readAllBytes(folder.resolve("binary.json")));
    }

    @Test
    void removingDeletesOnlyThatTemplateAndRefusesOthers() {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        UserTemplate a = library().save("A", "", List.of(), moons.graph(), moons.settings());
        library().save("B", "", List.of(), moons.graph(), moons.settings());
        library().remove(a.id());
        assertEquals(List.of("B"), library().list().templates().stream().map(UserTemplate::name).toList());
        assertTrue(assertThrows(UserTemplateException.class, () -> library().remove(a.id())).getMessage()
                .startsWith("There is no template my-a in "));
        assertEquals("two-moons-mlp is a built-in template; only your own can be removed.",
                assertThrows(UserTemplateException.class, () -> library().remove("two-moons-mlp")).getMessage());
        assertThrows(UserTemplateException.class, () -> library().remove("my-../../etc"));
        assertEquals(List.of(), UserTemplateLibrary.in(home.resolve("nowhere")).list().templates());
    }
}
