package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.TemplateLibrary;

/** A generator that does not fit the network is not taken, and the row says so instead of seeming to have switched. */
class DataChoiceRefusedTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedChoiceNamesWhatWasNotTakenAndWhatRunsStillUse() {
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
        SettingsForm form = new SettingsForm(settings, s -> { });
        var graph = TestData.mlp(2, 2);
        DataViewModel row = new DataViewModel(form, () -> graph, () -> ShapeInference.infer(graph), dir, Runnable::run,
                Runnable::run);
        row.describeCurrent();
        String before = row.summaryProperty().get();

        row.chooseGenerator("segment_digits");

        String error = row.errorProperty().get();
        assertTrue(error.startsWith("Not switched to segment digits generator: "), error);
        assertTrue(error.contains("Runs still use two moons generator"), error);
        assertEquals(before, row.summaryProperty().get(), "the row keeps naming the data runs use");
        assertEquals(settings.data(), form.settings().data());
    }

    @Test
    void theSentenceCarriesTheReason() {
        String s = DataViewModel.notChosen(DataRecipe.generator("shapes", Map.of()), DataRecipe.generator("two_moons",
                Map.of()), "The data's samples are an image 1×16×16 but the input layer 'x' expects a vector of 2.");
        assertEquals("Not switched to shapes generator: The data's samples are an image 1×16×16 but the input layer 'x'"
                + " expects a vector of 2. Runs still use two moons generator; change the network to fit, then choose"
                + " it again.", s);
    }

    @Test
    void savedDataThatNoLongerFitsIsFlaggedUntilDataThatFitsIsChosen() {
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
        SettingsForm form = new SettingsForm(settings, s -> { });
        var graph = TestData.mlp(5, 2);
        DataViewModel row = new DataViewModel(form, () -> graph, () -> ShapeInference.infer(graph), dir, Runnable::run,
                Runnable::run);
        row.describeCurrent();
        assertEquals(false, row.fitsProperty().get(), row.errorProperty().get());

        row.chooseGenerator("segment_digits");
        assertEquals(false, row.fitsProperty().get(), "a refused choice changes nothing");

        var fitting = TestData.mlp(2, 2);
        DataViewModel other = new DataViewModel(form, () -> fitting, () -> ShapeInference.infer(fitting), dir,
                Runnable::run, Runnable::run);
        other.describeCurrent();
        assertEquals(true, other.fitsProperty().get(), other.errorProperty().get());
    }

    @Test
    void aRefusalThatBlamesTheChosenLossSaysWhereTheLossIsChosen() {
        String gan = "The loss cross_entropy does not apply to a GAN: set the loss to auto.";
        assertEquals(gan + " The loss is chosen in Options… under Loss and data.",
                DataViewModel.whereTheLossIsSet(gan, "cross_entropy"));
        assertEquals(gan, DataViewModel.whereTheLossIsSet(gan, "auto"), "with auto there is nothing to change there");
        String shape = "The data's samples are a vector of 64 but the input layer 'input' expects a vector of 4.";
        assertEquals(shape, DataViewModel.whereTheLossIsSet(shape, "cross_entropy"));
    }

    @Test
    void theGeneratorMenuKnowsWhichDataFitsTheNetworkAndWhyTheOthersDoNot() {
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
        SettingsForm form = new SettingsForm(settings, s -> { });
        var graph = TestData.mlp(2, 2);
        DataViewModel row = new DataViewModel(form, () -> graph, () -> ShapeInference.infer(graph), dir, Runnable::run,
                Runnable::run);

        row.checkGenerators();

        Map<String, String> fits = Map.copyOf(row.generatorFits());
        assertEquals("", fits.get("two_moons"), "two moons: points in the plane, two classes");
        assertTrue(fits.get("segment_digits").contains("expects a vector of 2"), fits.get("segment_digits"));
        // Choosing says the same as the mark: the menu and the refusal never disagree.
        row.chooseGenerator("segment_digits");
        assertTrue(row.errorProperty().get().contains(fits.get("segment_digits")), row.errorProperty().get());
    }

    /**
     * A CNN built from scratch starts with the Image input's 1×28×28; the image generators draw 16 or 32 pixels by
     * default, so none fitted it. They are offered, and chosen, at the input's size.
     */
    @Test
    void anImageGeneratorDrawsAtTheSizeOfTheNetworksImageInput() {
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
        SettingsForm form = new SettingsForm(settings, s -> { });
        var in = new org.netwright.model.graph.Node("image_input_1", "image_input", Map.of(), 0, 0);
        var flat = new org.netwright.model.graph.Node("flatten_1", "flatten", Map.of(), 0, 0);
        var dense = new org.netwright.model.graph.Node("dense_1", "dense", Map.of("units", 10), 0, 0);
        var graph = org.netwright.model.graph.Graph.of(java.util.List.of(in, flat, dense), java.util.List.of(
                org.netwright.model.graph.Edge.of("image_input_1", "out", "flatten_1", "in"),
                org.netwright.model.graph.Edge.of("flatten_1", "out", "dense_1", "in")));
        DataViewModel row = new DataViewModel(form, () -> graph, () -> ShapeInference.infer(graph), dir, Runnable::run,
                Runnable::run);

        row.checkGenerators();
        assertEquals("", row.generatorFits().get("segment_digits"), "ten digits drawn at 28×28");
        row.chooseGenerator("segment_digits");
        assertEquals("", row.errorProperty().get());
        assertEquals(DataRecipe.generator("segment_digits", Map.of("size", 28)), form.settings().data());
        assertEquals(DataRecipe.generator("two_moons", Map.of()),
                DataViewModel.generatorFor("two_moons", graph, ShapeInference.infer(graph)), "not an image generator");
    }

    @Test
    void aNetworkThatCannotBeJudgedYetMarksNoGenerator() {
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
        SettingsForm form = new SettingsForm(settings, s -> { });
        var lone = org.netwright.model.graph.Graph.of(java.util.List.of(new org.netwright.model.graph.Node("in",
                "image_input", Map.of(), 0, 0)), java.util.List.of());
        DataViewModel row = new DataViewModel(form, () -> lone, () -> ShapeInference.infer(lone), dir, Runnable::run,
                Runnable::run);
        row.checkGenerators();
        assertTrue(row.generatorFits().isEmpty());
    }
}
