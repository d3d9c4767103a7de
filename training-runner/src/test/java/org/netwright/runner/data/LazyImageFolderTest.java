package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.data.SampleSource;
import org.netwright.templates.data.Samples;

/**
 * An image folder whose decoded pixels exceed the cache budget is read lazily: it trains, the cache never holds more
 * than its budget, and the run equals the eager one of the same seed value for value.
 */
class LazyImageFolderTest {
    /** 0.04 MB: about 24 of the 150 images of 3×12×12 floats (1,728 bytes each; 259 KB in all). */
    private static final String BUDGET_MB = "0.04";
    private static final long BUDGET_BYTES = (long) (0.04 * 1024 * 1024);

    @TempDir
    Path dir;

    /** Three classes of 50 RGB images each, red, green or blue dominant with noise; one image of another size. */
    static Path writeColours(Path root) throws IOException {
        Random random = new Random(7);
        String[] names = {"blue", "green", "red"};
        for (int c = 0; c < 3; c++) {
            Path classDir = Files.createDirectories(root.resolve(names[c]));
            for (int i = 0; i < 50; i++) {
                int side = c == 1 && i == 0 ? 10 : 12;
                BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int[] rgb = new int[3];
                        for (int k = 0; k < 3; k++) {
                            rgb[k] = random.nextInt(120);
                        }
                        // names sorted: blue (0) is channel 2, green (1) channel 1, red (2) channel 0.
                        rgb[2 - c] = 110 + random.nextInt(146);
                        img.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
                    }
                }
                ImageIO.write(img, "png", classDir.resolve(String.format("%03d.png", i)).toFile());
            }
        }
        return root;
    }

    private static DataRecipe recipe(Path dir, String cacheMb) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("path", dir.toString());
        if (cacheMb != null) {
            options.put(ImageFolderData.CACHE_MB, cacheMb);
        }
        return new DataRecipe(ImageFolderData.KIND, options);
    }

    private static Graph mlp() {
        return Graph.of(List.of(new Node("img", "image_input", Map.of("channels", 3, "height", 12, "width", 12), 0, 0),
                        new Node("flat", "flatten", Map.of(), 1, 0), new Node("hidden", "dense", Map.of("units", 16), 2, 0),
                        new Node("relu", "relu", Map.of(), 3, 0), new Node("out", "dense", Map.of("units", 3), 4, 0)),
                List.of(Edge.of("img", "out", "flat", "in"), Edge.of("flat", "out", "hidden", "in"),
                        Edge.of("hidden", "out", "relu", "in"), Edge.of("relu", "out", "out", "in")));
    }

    @Test
    @Tag("training")
    void aFolderLargerThanItsCacheIsReadLazilyWithinTheBudgetAndTrainsAsTheEagerOne() throws IOException {
        writeColours(dir);
        List<String> notices = new ArrayList<>();
        Samples.Split lazy = ImageFolderData.load(recipe(dir, BUDGET_MB), dir, null, 0.2, 0.2, 3, notices::add);
        Samples.Split eager = ImageFolderData.load(recipe(dir, null), dir, null, 0.2, 0.2, 3, n -> { });
        Samples.Column image = lazy.train().require("image");
        assertTrue(image.isLazy(), "259 KB of pixels over a 41 KB budget are read lazily");
        assertFalse(eager.train().require("image").isLazy());
        assertTrue(notices.stream().anyMatch(n -> n.contains("decoded when a batch needs them")), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("1 images were resized to 12×12")), notices.toString());
        // The same split, and the same values for each sample (decoded, resized and scaled as the eager reader does).
        assertArrayEquals(eager.train().require("label").values(), lazy.train().require("label").values());
        assertArrayEquals(eager.test().require("image").values(), lazy.test().require("image").values());

        TrainingSettings settings = new TrainingSettings(4, 16, 0.01, "adam", "auto", 3, 0.2, 0.2,
                recipe(dir, BUDGET_MB));
        RunResult lazyRun = new TrainingRun(mlp(), settings, lazy).run();
        RunResult eagerRun = new TrainingRun(mlp(), settings.withData(recipe(dir, null)), eager).run();
        assertEquals("completed", lazyRun.status(), lazyRun.message());
        assertEquals(eagerRun.metrics().trainLoss(), lazyRun.metrics().trainLoss());
        assertEquals(eagerRun.metrics().values(), lazyRun.metrics().values());
        assertTrue(lazyRun.metrics().values().get("test_accuracy") > 0.9, lazyRun.metrics().values().toString());

        SampleCache cache = ((LazyImages) ((SampleSource.Remapped) image.source()).base()).cache();
        assertEquals(BUDGET_BYTES, cache.budgetBytes());
        assertTrue(cache.peakBytes() > 0 && cache.peakBytes() <= BUDGET_BYTES, "peak " + cache.peakBytes());
        assertTrue(cache.hits() > 0, "prefetched images are found in the cache: " + cache.hits() + " hits, "
                + cache.misses() + " misses");
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedAndKeepsNothingLargerThanItsBudget() {
        SampleCache cache = new SampleCache(3 * 4 * Float.BYTES);
        cache.put(1, new float[4]);
        cache.put(2, new float[4]);
        cache.put(3, new float[4]);
        cache.get(1);
        cache.put(4, new float[4]);
        assertTrue(cache.contains(1) && cache.contains(3) && cache.contains(4));
        assertFalse(cache.contains(2), "the least recently used goes first");
        cache.put(5, new float[13]);
        assertFalse(cache.contains(5), "larger than the whole budget: not kept");
        assertEquals(48, cache.peakBytes());
    }
}
