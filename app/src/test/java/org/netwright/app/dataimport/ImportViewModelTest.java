package org.netwright.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.TestData;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.CommandStack;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.data.DataSummary;
import org.netwright.templates.TemplateLibrary;

/** The Import Data window's state: what it detects and counts, the imbalance warning, saving, and the one-step fit. */
class ImportViewModelTest {
    @TempDir
    Path dir;
    private final List<DataRecipe> saved = new ArrayList<>();
    private final TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();

    private ImportViewModel model(EditorModel editor) {
        // Runnable::run for both executors: the test reads the answer as soon as load() returns.
        return new ImportViewModel(() -> settings, editor::graph, dir, r -> {
            saved.add(r);
            return Optional.empty();
        }, editor::execute, Runnable::run, Runnable::run);
    }

    @Test
    void irisIsATableOfThreeBalancedClassesWithItsFirstRowsPreviewed() {
        ImportViewModel model = model(new EditorModel(new CommandStack(TestData.mlp(4, 3))));
        model.choose(TestData.shared("tabular/iris.csv"));
        ImportViewModel.Loaded loaded = model.loadedProperty().get();
        assertNotNull(loaded, model.problemProperty().get());
        DataSummary s = loaded.summary();
        assertEquals("table", s.kind());
        assertEquals(150, s.samples());
        assertEquals(3, s.classes().size());
        assertEquals(List.of(50, 50, 50), s.classCounts());
        assertTrue(s.imbalance().isEmpty());
        assertEquals(Optional.of("classification"), s.task());
        assertEquals("", model.problemProperty().get(), "a 4-in 3-out network fits iris");
        DataPreview.Table table = (DataPreview.Table) loaded.preview();
        assertEquals(DataPreview.ROWS, table.rows().size());
        assertEquals(s.label().orElseThrow(), table.header().get(table.label()));
        assertTrue(table.features().get(table.header().indexOf("petal_length_cm")));
        assertFalse(table.features().get(table.label()), "the label is no feature");
        assertTrue(ImportViewModel.inputShapes(s).get(0).contains("4"), ImportViewModel.inputShapes(s).toString());
        int[] split = s.split();
        assertEquals(150, split[0] + split[1] + split[2]);
    }

    @Test
    void aFewOfOneClassRaisesTheImbalanceWarningAndAGivenLabelIsUsed() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,outcome\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(i % 7).append(',').append(i < 34 ? "common" : "rare").append('\n');
        }
        Path file = Files.writeString(dir.resolve("skewed.csv"), csv);
        ImportViewModel model = model(new EditorModel(new CommandStack(TestData.mlp(2, 2))));
        model.choose(file);
        model.labelProperty().set("outcome");
        model.load();
        DataSummary s = model.loadedProperty().get().summary();
        assertEquals(Optional.of("outcome"), s.label());
        assertFalse(s.labelGuessed());
        assertEquals("common 34, rare 6", ImportViewModel.classCounts(s));
        assertTrue(s.imbalance().orElseThrow().contains("'common' has 34"), s.imbalance().toString());
    }

    @Test
    void anUnreadableSourceSaysWhyAndOffersNothingToUse() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        ImportViewModel model = model(new EditorModel(new CommandStack(TestData.mlp(2, 2))));
        model.choose(empty);
        assertEquals(null, model.loadedProperty().get());
        assertFalse(model.problemProperty().get().isBlank());
        assertFalse(model.useData());
        assertTrue(saved.isEmpty());
    }

    @Test
    void useDataSavesTheRecipeWithTheSourcesHash() {
        ImportViewModel model = model(new EditorModel(new CommandStack(TestData.mlp(4, 3))));
        Path iris = TestData.shared("tabular/iris.csv");
        model.choose(iris);
        assertTrue(model.useData());
        DataRecipe recipe = saved.get(0);
        assertEquals(iris.toString(), recipe.options().get("path"));
        assertEquals(SourceHash.of(iris), recipe.options().get(SourceHash.OPTION));
        assertTrue(SourceHash.whyChanged(recipe, dir).isEmpty());
    }

    @Test
    void fittingTheNetworkIsOneUndoStep() {
        Graph before = TestData.mlp(2, 2);
        EditorModel editor = new EditorModel(new CommandStack(before));
        ImportViewModel model = model(editor);
        model.choose(TestData.shared("tabular/iris.csv"));
        assertFalse(model.problemProperty().get().isEmpty(), "2 inputs do not take 4 features");
        assertTrue(model.fitNetwork(), model.messageProperty().get());
        Graph after = editor.graph();
        assertNotEquals(before, after);
        assertEquals(4, after.node("input").orElseThrow().params().get("features"));
        assertEquals(3, after.node("dense").orElseThrow().params().get("units"));
        assertEquals("", model.problemProperty().get(), "the data check re-ran after the fit");
        editor.undo();
        assertEquals(before, editor.graph(), "one undo takes the whole fit back");
        assertFalse(editor.canUndoProperty().get(), "the fit was one step on the stack");
    }

    @Test
    void aSetOfGraphsIsCountedDrawnAndTheGraphNetworkFittedInOneStep() throws IOException {
        Path edges = GraphSetFiles.write(dir);
        Graph before = TemplateLibrary.find("gnn-graph-classify").orElseThrow().graph();
        EditorModel editor = new EditorModel(new CommandStack(before));
        ImportViewModel model = model(editor);
        model.choose(edges);
        ImportViewModel.Loaded loaded = model.loadedProperty().get();
        assertNotNull(loaded, model.problemProperty().get());
        DataSummary s = loaded.summary();
        assertEquals("graphs", s.kind());
        assertEquals(3 * GraphSetFiles.PER_CLASS, s.samples());
        assertEquals("chain 10, ring 10, star 10", ImportViewModel.classCounts(s));
        int[] split = s.split();
        assertEquals(30, split[0] + split[1] + split[2]);
        assertTrue(split[1] > 0 && split[2] > 0, "a validation and a test part: " + java.util.Arrays.toString(split));
        assertTrue(s.notices().get(0).startsWith("30 graphs of 4 to 7 nodes"), s.notices().toString());
        assertTrue(s.notices().stream().anyMatch(n -> n.contains("2 features per node (mass, charge), standardized")),
                s.notices().toString());
        List<String> shapes = ImportViewModel.inputShapes(s);
        assertEquals(1, shapes.size(), shapes.toString());
        assertTrue(shapes.get(0).startsWith("node_features: ") && shapes.get(0).contains("7")
                && shapes.get(0).contains("2"), shapes.toString());
        DataPreview.Graphs drawn = (DataPreview.Graphs) loaded.preview();
        assertEquals(3, drawn.pictures().size(), "the first graph of each class");
        DataPreview.GraphPicture picture = drawn.pictures().get(0);
        assertEquals(4, picture.x().length, "the first graph, a ring of 4, is drawn");
        assertTrue(drawn.pictures().get(1).caption().contains("class 'star'"), drawn.pictures().get(1).caption());
        assertEquals(4, picture.edges().size());
        assertTrue(picture.caption().contains("class 'ring'"), picture.caption());
        for (int i = 0; i < 4; i++) {
            assertTrue(picture.x()[i] >= 0 && picture.x()[i] <= 1 && picture.y()[i] >= 0 && picture.y()[i] <= 1);
        }
        assertTrue(model.problemProperty().get().contains("3 classes")
                        || model.problemProperty().get().contains("features each"), model.problemProperty().get());

        assertTrue(model.fitNetwork(), model.messageProperty().get());
        Graph after = editor.graph();
        assertEquals(GraphSetFiles.LARGEST, after.node("input").orElseThrow().params().get("nodes"));
        assertEquals(2, after.node("input").orElseThrow().params().get("features"));
        assertEquals(3, after.node("dense_2").orElseThrow().params().get("units"));
        assertEquals("", model.problemProperty().get(), "the data check passes after the fit");
        editor.undo();
        assertEquals(before, editor.graph(), "one undo takes the whole fit back");
    }

    @Test
    void aNetworkWithoutAGraphInputIsNotFittedToGraphsAndIsToldWhere() throws IOException {
        Path edges = GraphSetFiles.write(dir);
        Graph mlp = TestData.mlp(2, 2);
        EditorModel editor = new EditorModel(new CommandStack(mlp));
        ImportViewModel model = model(editor);
        model.choose(edges);
        assertFalse(model.fitNetwork());
        assertEquals(mlp, editor.graph(), "nothing changed");
        assertTrue(model.messageProperty().get().startsWith("Graph data needs a network that starts with a graph"
                + " input"), model.messageProperty().get());
    }

    @Test
    void keepingACopyStoresTheSourcesFilesAndNotesTheirKeyInTheRecipe() throws IOException {
        Path iris = Files.copy(TestData.shared("tabular/iris.csv"), dir.resolve("iris.csv"));
        ImportViewModel model = model(new EditorModel(new CommandStack(TestData.mlp(4, 3))));
        List<org.netwright.runner.data.EmbeddedData.Packed> kept = new ArrayList<>();
        model.keepCopiesWith(p -> {
            kept.add(p);
            return Optional.empty();
        });
        model.choose(iris);
        assertTrue(model.keepable());
        assertTrue(model.keepableProperty().get().startsWith("Up to 20 MB; this data holds 5 kB"),
                model.keepableProperty().get());
        model.keepCopyProperty().set(true);
        assertTrue(model.useData(), model.messageProperty().get());
        assertEquals(1, kept.size());
        assertEquals("iris.csv", kept.get(0).name());
        assertEquals(kept.get(0).hash(), saved.get(0).options().get(org.netwright.runner.data.EmbeddedData.OPTION));
        assertTrue(model.messageProperty().get().endsWith("A copy (1 file, 5 kB) is kept inside the project."),
                model.messageProperty().get());
    }
}
