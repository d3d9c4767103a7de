package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import java.util.List;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Node;
import org.netwright.templates.data.Samples;

/** A small CNN trained on a folder of digit PNGs (train/ and test/ as written from the shared digits) reaches 0.9. */
@Tag("training")
class ImageFolderRecipeTest {
    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void smallCnnLearnsTheDigitsFolder(long seed) throws Exception {
        if (!java.nio.file.Files.isDirectory(dir.resolve("train"))) {
            ImageFolderDataTestAccess.writeDigits(dir);
        }
        Graph cnn = Graph.of(List.of(new Node("image", "image_input", Map.of("channels", 1, "height", 8, "width", 8), 0, 0),
                new Node("conv", "conv2d", Map.of("filters", 16, "kernel", 3, "padding", "same"), 1, 0),
                new Node("act", "relu", Map.of(), 2, 0), new Node("flat", "flatten", Map.of(), 3, 0),
                new Node("scores", "dense", Map.of("units", 10), 4, 0)),
                List.of(Edge.of("image", "out", "conv", "in"), Edge.of("conv", "out", "act", "in"),
                        Edge.of("act", "out", "flat", "in"), Edge.of("flat", "out", "scores", "in")));
        TrainingSettings settings = new TrainingSettings(15, 32, 0.003, "adam", "auto", seed, 0.1, 0.2,
                DataRecipe.file("images", dir.toString()));
        Samples.Split split = DataSources.loadSplit(settings, Path.of(""), NetworkEnds.of(cnn), n -> { });
        assertEquals(360, split.test().size());
        RunResult r = new TrainingRun(cnn, settings, split).run();
        assertEquals("completed", r.status(), r.message());
        double acc = r.metrics().get("test_accuracy");
        System.out.printf("digits folder, seed %d: test accuracy %.3f%n", seed, acc);
        assertTrue(acc >= 0.9, "test accuracy " + acc);
    }
}
