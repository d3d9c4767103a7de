package org.netwright.app.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.app.insight.InsightViews.View;
import org.netwright.model.task.NetworkKind;

/** Which insight views apply to which run, why the others do not, and what the window starts on opening. */
class InsightViewsTest {
    private static final List<InsightData.Layer> CNN_LAYERS = List.of(
            new InsightData.Layer("conv2d_1", "conv2d", List.of("filters", "feature-maps"), 0),
            new InsightData.Layer("relu_1", "relu", List.of("feature-maps"), 0),
            new InsightData.Layer("dense_1", "dense", List.of(), 0));
    private static final List<InsightData.Layer> MLP_LAYERS = List.of(
            new InsightData.Layer("dense_1", "dense", List.of(), 0));

    private static InsightData.RunNature nature(String family, String task) {
        return new InsightData.RunNature(3, family, task, false, false);
    }

    @Test
    void aCnnClassifierShowsItsTestPartLayersGradientsAndActivationsOnly() {
        InsightViews v = InsightViews.of(nature("CNN", NetworkKind.CLASSIFICATION), CNN_LAYERS);
        assertEquals(List.of(View.TEST_PART, View.PREDICT, View.LAYERS, View.GRADIENTS, View.ACTIVATIONS), v.shown());
        assertEquals(View.TEST_PART, v.first());
        for (View hidden : v.hidden()) {
            assertFalse(v.whyNot(hidden).isEmpty(), hidden + " says why it is left out");
        }
        assertTrue(v.whyNot(View.GENERATED).contains("GAN or a VAE"), v.whyNot(View.GENERATED));
        // A CNN's layers offer filters and feature maps: no attention, no nearest tokens.
        assertEquals(List.of("filters", "feature-maps"), InsightViews.mapViews(CNN_LAYERS));
        assertFalse(InsightViews.offersNeighbours(CNN_LAYERS));
    }

    @Test
    void theLayersTabWaitsForTheLayersAndIsLeftOutWhenNoLayerOffersAnything() {
        InsightViews unread = InsightViews.of(nature("MLP", NetworkKind.CLASSIFICATION), null);
        assertTrue(unread.awaitsLayers());
        assertFalse(unread.applies(View.LAYERS));
        InsightViews mlp = InsightViews.of(nature("MLP", NetworkKind.CLASSIFICATION), MLP_LAYERS);
        assertFalse(mlp.awaitsLayers());
        assertFalse(mlp.applies(View.LAYERS));
        assertTrue(mlp.whyNot(View.LAYERS).contains("no conv, attention or embedding layer"), mlp.whyNot(View.LAYERS));
        List<InsightData.Layer> text = List.of(new InsightData.Layer("embed", "embedding", List.of("neighbours"), 0),
                new InsightData.Layer("attend", "multi_head_attention", List.of("attention"), 2));
        InsightViews transformer = InsightViews.of(nature("Transformer", NetworkKind.CLASSIFICATION), text);
        assertTrue(transformer.applies(View.LAYERS));
        assertEquals(List.of("attention"), InsightViews.mapViews(text));
        assertTrue(InsightViews.offersNeighbours(text));
    }

    @Test
    void aGanShowsItsSamplesAndGradientsAndOpensOnTheSamples() {
        InsightViews v = InsightViews.of(nature("GAN", NetworkKind.GENERATION), null);
        assertEquals(List.of(View.GRADIENTS, View.GENERATED), v.shown());
        assertEquals(View.GENERATED, v.first());
        assertFalse(v.awaitsLayers());
        assertTrue(v.whyNot(View.TEST_PART).contains("GAN"), v.whyNot(View.TEST_PART));
        for (View hidden : v.hidden()) {
            assertFalse(v.whyNot(hidden).contains("--") || v.whyNot(hidden).contains("generate "), v.whyNot(hidden));
        }
    }

    @Test
    void aVaeAndAnAutoencoderShowTheirReconstructionsAndInterpolationOnlyWithACode() {
        InsightViews vae = InsightViews.of(nature("VAE", NetworkKind.GENERATION), MLP_LAYERS);
        assertEquals(List.of(View.GRADIENTS, View.ACTIVATIONS, View.AUTOENCODER, View.GENERATED, View.INTERPOLATION),
                vae.shown());
        assertEquals(View.AUTOENCODER, vae.first());
        InsightViews withCode = InsightViews.of(new InsightData.RunNature(1, "Autoencoder",
                NetworkKind.RECONSTRUCTION, false, true), MLP_LAYERS);
        assertEquals(List.of(View.GRADIENTS, View.ACTIVATIONS, View.AUTOENCODER, View.INTERPOLATION), withCode.shown());
        InsightViews denoiser = InsightViews.of(new InsightData.RunNature(1, "CNN", NetworkKind.RECONSTRUCTION, false,
                false), CNN_LAYERS);
        assertEquals(List.of(View.LAYERS, View.GRADIENTS, View.ACTIVATIONS, View.AUTOENCODER), denoiser.shown());
        assertTrue(denoiser.whyNot(View.INTERPOLATION).contains("no layer giving a vector"));
    }

    @Test
    void aRunOnGraphsShowsItsGradientsOnly() {
        InsightViews v = InsightViews.of(new InsightData.RunNature(2, "Graph network", NetworkKind.NODE_CLASSIFICATION,
                true, false), null);
        assertEquals(List.of(View.GRADIENTS), v.shown());
        assertEquals(View.GRADIENTS, v.first());
        assertTrue(v.whyNot(View.TEST_PART).contains("trained on graphs"));
    }

    @Test
    void openingAGanRunDrawsItsSamplesAndNeverAsksForATestPart() {
        List<Runnable> background = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        InsightSource source = new UnaskedSource() {
            @Override
            public InsightData.RunNature nature(Path project, Long run) {
                asked.add("nature");
                return new InsightData.RunNature(4, "GAN", NetworkKind.GENERATION, false, false);
            }

            @Override
            public InsightData.Generated generate(Path project, Long run, long seed) {
                asked.add("generate " + seed);
                return new InsightData.Generated(4, 4, 8, new int[] {2}, new float[64], false);
            }

            @Override
            public GradientHeatMap gradients(Path project, Long run) {
                asked.add("gradients");
                return GradientHeatMap.of(4, List.of());
            }

            @Override
            public InsightData.TrainingActivations trainingActivations(Path project, Long run) {
                return new InsightData.TrainingActivations(4, new java.util.TreeMap<>());
            }
        };
        InsightViewModel m = new InsightViewModel(Path.of("p.nwproj"), null, source, background::add, Runnable::run);
        m.open();
        assertTrue(m.readingRunProperty().get(), "no views until the run is read");
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
        assertFalse(m.readingRunProperty().get());
        assertEquals(List.of(View.GRADIENTS, View.GENERATED), m.viewsProperty().get().shown());
        assertEquals(List.of("nature", "generate 1", "gradients"), asked, "no evaluate, explain or layers for a GAN");
        assertEquals(4, m.generatedProperty().get().run());
    }
}
