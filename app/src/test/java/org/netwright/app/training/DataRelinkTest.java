package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.dataimport.SourceHash;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.ShapeInference;
import org.netwright.runner.data.EmbeddedData;
import org.netwright.templates.TemplateLibrary;

/** The Data row says when an imported source moved or changed, and Relink… points the project at its new place. */
class DataRelinkTest {
    @TempDir
    Path dir;

    @Test
    void aMovedSourceIsSaidOnReopenAndRelinkClearsIt() throws IOException {
        Path iris = Files.copy(TestData.shared("tabular/iris.csv"), dir.resolve("iris.csv"));
        DataRecipe imported = SourceHash.stamped(DataRecipe.file("csv", iris.toString()), dir);
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings().withData(imported);
        SettingsForm form = new SettingsForm(settings, s -> { });
        var graph = TestData.mlp(4, 3);
        DataViewModel row = new DataViewModel(form, () -> graph, () -> ShapeInference.infer(graph), dir, Runnable::run,
                Runnable::run);
        row.describeCurrent();
        assertEquals("", row.movedProperty().get(), "unchanged since the import");

        Path moved = Files.move(iris, Files.createDirectory(dir.resolve("moved")).resolve("iris.csv"));
        row.describeCurrent();
        assertTrue(row.movedProperty().get().contains("is not there any more"), row.movedProperty().get());

        assertTrue(row.relink(moved).isEmpty());
        assertEquals(moved.toString(), form.settings().data().options().get("path"));
        row.describeCurrent();
        assertEquals("", row.movedProperty().get());
        assertEquals("", row.errorProperty().get());
    }

    @Test
    void aDeletedSourceWithAKeptCopyIsCheckedFromTheCopyAndUseTheKeptCopyWritesItBesideTheProject()
            throws IOException {
        Path iris = Files.copy(TestData.shared("tabular/iris.csv"),
                Files.createDirectory(dir.resolve("data")).resolve("iris.csv"));
        DataRecipe plain = SourceHash.stamped(DataRecipe.file("csv", iris.toString()), dir);
        EmbeddedData.Packed packed = EmbeddedData.pack(plain, iris);
        java.util.Map<String, Object> options = new java.util.LinkedHashMap<>(plain.options());
        options.put(EmbeddedData.OPTION, packed.hash());
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings()
                .withData(new DataRecipe("csv", options));
        SettingsForm form = new SettingsForm(settings, s -> { });
        var graph = TestData.mlp(4, 3);
        Path project = Files.createDirectory(dir.resolve("project"));
        DataViewModel row = new DataViewModel(form, () -> graph, () -> ShapeInference.infer(graph), project,
                Runnable::run, Runnable::run);
        row.keptCopiesFrom(h -> h.equals(packed.hash()) ? java.util.Optional.of(packed.bytes())
                : java.util.Optional.empty());
        Files.delete(iris);
        row.describeCurrent();
        assertTrue(row.movedProperty().get().contains("runs use the copy kept inside the project"),
                row.movedProperty().get());
        assertTrue(row.keptCopyInUseProperty().get());
        assertEquals("", row.errorProperty().get(), "the kept copy is checked as the data: 150 rows fit 4-in 3-out");
        assertTrue(row.summaryProperty().get().contains("150"), row.summaryProperty().get());

        assertTrue(row.useKeptCopy().isEmpty());
        Path written = project.resolve("iris-kept").resolve("iris.csv");
        assertEquals(written.toString(), form.settings().data().options().get("path"));
        assertEquals(packed.hash(), form.settings().data().options().get(EmbeddedData.OPTION),
                "the written copy is the kept one, so the project still keeps it");
        row.describeCurrent();
        assertEquals("", row.movedProperty().get());
        assertTrue(!row.keptCopyInUseProperty().get());

        // Relinked to other content, the kept copy no longer stands for the data, so it is not named any more.
        Path other = Files.writeString(dir.resolve("data").resolve("iris-edited.csv"),
                Files.readString(written).replace("5.1,3.5", "5.2,3.5"));
        assertTrue(row.relink(other).isEmpty());
        assertEquals(null, form.settings().data().options().get(EmbeddedData.OPTION));
    }
}
