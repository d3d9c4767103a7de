package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.data.EmbeddedData;

/**
 * A project that keeps a copy of its data trains from that copy after the original file is deleted, and its stored
 * run reopens (evaluate) from it too.
 */
@Tag("training")
class KeptCopyTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aProjectTrainsFromItsKeptCopyAfterTheOriginalIsDeleted() throws IOException {
        String configured = System.getProperty("netwright.data");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        Path iris = Files.copy(shared.resolve("tabular").resolve("iris.csv"), dir.resolve("iris.csv"));
        Path project = dir.resolve("iris.nwproj");
        CliRunner made = CliRunner.run("train", "--template", "mlp-tabular", "--data", iris.toString(), "--epochs", "1",
                "--save", project.toString(), "--json");
        assertEquals(0, made.status(), made.err());

        try (ProjectStore store = ProjectStore.open(project)) {
            TrainingSettings s = store.loadSettings().orElseThrow();
            EmbeddedData.Packed packed = EmbeddedData.pack(s.data(), iris);
            store.saveEmbeddedData(packed.hash(), packed.name(), packed.bytes());
            Map<String, Object> options = new LinkedHashMap<>(s.data().options());
            options.put(EmbeddedData.OPTION, packed.hash());
            store.saveSettings(s.withData(new DataRecipe(s.data().kind(), options)));
        }
        Files.delete(iris);

        CliRunner r = CliRunner.run("train", project.toString(), "--epochs", "60", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode last = JSON.readTree(r.outLines().get(r.outLines().size() - 1)).get("final");
        System.out.println("iris from the kept copy: " + last);
        assertEquals("completed", last.get("status").asText());
        assertTrue(last.get("test_accuracy").asDouble() >= 0.85, last.toString());

        CliRunner e = CliRunner.run("evaluate", project.toString(), "--json");
        assertEquals(0, e.status(), e.err());
        assertTrue(Files.notExists(iris), "the original stays deleted; the copy was unpacked elsewhere");
    }
}
