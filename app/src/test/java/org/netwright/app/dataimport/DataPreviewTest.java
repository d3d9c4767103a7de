package org.netwright.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.TestData;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.CommandStack;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.TemplateLibrary;

/** The preview of each kind other than a table: IDX images with labels, texts with tokens, a series, a graph. */
class DataPreviewTest {
    @TempDir
    Path dir;
    private final TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();

    private ImportViewModel model() {
        EditorModel editor = new EditorModel(new CommandStack(TestData.mlp(2, 2)));
        return new ImportViewModel(() -> settings, editor::graph, dir, r -> Optional.empty(), editor::execute,
                Runnable::run, Runnable::run);
    }

    private ImportViewModel.Loaded loaded(ImportViewModel model) {
        assertNotNull(model.loadedProperty().get(), model.problemProperty().get());
        return model.loadedProperty().get();
    }

    @Test
    void idxImagesShowAsPicturesWithTheirLabels() {
        ImportViewModel model = model();
        model.choose(TestData.shared("digits/train-images-idx3-ubyte"));
        DataPreview.Images images = (DataPreview.Images) loaded(model).preview();
        assertEquals(2 * DataPreview.ROWS, images.pictures().size());
        DataPreview.Picture first = images.pictures().get(0);
        assertEquals(first.height() * first.width() * first.channels(), first.values().length);
        assertTrue(images.pictures().stream().allMatch(p -> !p.label().isEmpty()));
    }

    @Test
    void aTextColumnMakesTextsWithTheirTokens() {
        ImportViewModel model = model();
        model.choose(TestData.shared("text/austen_passages_train.csv"));
        model.textColumnProperty().set("text");
        model.labelProperty().set("book");
        model.load();
        ImportViewModel.Loaded l = loaded(model);
        assertEquals("text_classes", l.recipe().kind());
        DataPreview.Texts texts = (DataPreview.Texts) l.preview();
        DataPreview.Text first = texts.texts().get(0);
        assertEquals("Northanger Abbey", first.label());
        assertEquals("mean", first.tokens().get(0));
    }

    @Test
    void aForecastColumnMakesASeriesWithItsWindow() {
        ImportViewModel model = model();
        model.choose(TestData.shared("timeseries/airpassengers.csv"));
        model.targetProperty().set("passengers");
        model.windowProperty().set("12");
        model.load();
        ImportViewModel.Loaded l = loaded(model);
        assertEquals("timeseries", l.recipe().kind());
        DataPreview.Series series = (DataPreview.Series) l.preview();
        assertEquals(144, series.values().length);
        assertEquals(112.0, series.values()[0]);
        assertEquals(12, series.window());
    }

    @Test
    void anEdgeTableShowsTheGraphDrawnWithItsNodesColouredByClass() {
        ImportViewModel model = model();
        model.choose(TestData.shared("graph/karate_edges.csv"));
        ImportViewModel.Loaded l = loaded(model);
        assertEquals("graph", l.summary().kind());
        assertTrue(l.summary().notices().get(0).startsWith("One graph of 34 nodes and 78 edges"),
                l.summary().notices().toString());
        DataPreview.GraphPicture picture = ((DataPreview.Graphs) l.preview()).pictures().get(0);
        assertEquals(34, picture.x().length);
        assertEquals(78, picture.edges().size());
        assertEquals(2, java.util.Arrays.stream(picture.nodeClass()).distinct().count(), "two clubs, two colours");
        assertTrue(picture.caption().startsWith("The graph: 34 nodes, 78 edges"), picture.caption());
    }

    @Test
    void anAugmentationIsPreviewedAsTheFirstImageAndSevenChangedCopies() {
        ImportViewModel model = model();
        model.choose(TestData.shared("digits/train-images-idx3-ubyte"));
        DataPreview.Images plain = (DataPreview.Images) loaded(model).preview();
        assertTrue(plain.augmented().isEmpty(), "no augmentation asked, none shown");
        model.augmentProperty().set("flip, rotate=20");
        model.load();
        ImportViewModel.Loaded l = loaded(model);
        assertEquals("flip,rotate=20.0", l.recipe().options().get("augment"), "Use this data saves the augmentation");
        DataPreview.Images images = (DataPreview.Images) l.preview();
        assertEquals("flip,rotate=20.0", images.augmentSpec());
        assertEquals(1 + DataPreview.AUGMENTED, images.augmented().size());
        DataPreview.Picture original = images.pictures().get(0);
        assertTrue(java.util.Arrays.equals(original.values(), images.augmented().get(0).values()), "the image as read");
        for (DataPreview.Picture copy : images.augmented().subList(1, images.augmented().size())) {
            assertTrue(!java.util.Arrays.equals(original.values(), copy.values()), copy.label() + " is changed");
        }

        model.augmentProperty().set("twirl");
        model.load();
        assertEquals(null, model.loadedProperty().get());
        assertTrue(model.problemProperty().get().contains("got 'twirl'"), model.problemProperty().get());
    }

    @Test
    void anImageFolderGetsTheAugmentationPreviewToo() throws java.io.IOException {
        for (String cls : List.of("dark", "light")) {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("pics").resolve(cls));
            for (int i = 0; i < 4; i++) {
                var image = new java.awt.image.BufferedImage(12, 12, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 12; y++) {
                    for (int x = 0; x < 12; x++) {
                        image.getRaster().setSample(x, y, 0, (cls.equals("dark") ? 20 : 200) + x * 4 + i);
                    }
                }
                javax.imageio.ImageIO.write(image, "png", folder.resolve(i + ".png").toFile());
            }
        }
        ImportViewModel model = model();
        model.choose(dir.resolve("pics"));
        model.augmentProperty().set("flip,noise=0.1");
        model.load();
        DataPreview.Images images = (DataPreview.Images) loaded(model).preview();
        assertEquals("images", loaded(model).recipe().kind());
        assertEquals("flip,noise=0.1", images.augmentSpec());
        assertEquals(1 + DataPreview.AUGMENTED, images.augmented().size());
        assertEquals(12, images.augmented().get(3).width());
    }

    @Test
    void eachCopyIsTheRunnersAugmentationOfThePicture() {
        // A 1×2×3 picture with distinct values: a flip only ever mirrors it, a crop only ever shifts it in zeros.
        float[] v = {1, 2, 3, 4, 5, 6};
        DataPreview.Picture p = new DataPreview.Picture("x", 1, 2, 3, v);
        float[] mirrored = {3, 2, 1, 6, 5, 4};
        List<DataPreview.Picture> flips = DataPreview.augmented(p, org.netwright.runner.data.ImageAugmentation
                .parse("flip"), 12, 3);
        int flipped = 0;
        for (DataPreview.Picture c : flips.subList(1, flips.size())) {
            boolean same = java.util.Arrays.equals(v, c.values());
            boolean mirror = java.util.Arrays.equals(mirrored, c.values());
            assertTrue(same || mirror, java.util.Arrays.toString(c.values()));
            flipped += mirror ? 1 : 0;
        }
        assertTrue(flipped > 0 && flipped < 12, "about half flipped: " + flipped);
        List<DataPreview.Picture> noisy = DataPreview.augmented(p, org.netwright.runner.data.ImageAugmentation
                .parse("noise=0.5"), 2, 3);
        assertTrue(!java.util.Arrays.equals(noisy.get(1).values(), noisy.get(2).values()), "each copy draws anew");
        assertEquals(DataPreview.augmented(p, org.netwright.runner.data.ImageAugmentation.parse("noise=0.5"), 2, 3)
                .get(1).values()[0], noisy.get(1).values()[0], "the same seed draws the same copies");
    }
}
