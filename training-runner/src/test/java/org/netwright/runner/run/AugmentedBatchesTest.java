package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskProposal;
import org.netwright.runner.data.ImageAugmentation;
import org.netwright.templates.data.Samples;

/** Augmentation changes the images of training batches only; validation and test batches read them as stored. */
class AugmentedBatchesTest {
    /** A 1×4×4 image input, flattened into a dense layer of 2 scores. */
    private static Graph imageNet() {
        return Graph.of(List.of(new Node("img", "image_input", Map.of("channels", 1, "height", 4, "width", 4), 0, 0),
                        new Node("flat", "flatten", Map.of(), 1, 0), new Node("out", "dense", Map.of("units", 2), 2, 0)),
                List.of(Edge.of("img", "out", "flat", "in"), Edge.of("flat", "out", "out", "in")));
    }

    /** Eight 4×4 images, each the same ramp from 0 to 15/16. */
    private static float[] pixels() {
        float[] pixels = new float[8 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 16) / 16f;
        }
        return pixels;
    }

    private static Samples samples(float[] pixels, float[] labels) {
        return new Samples(List.of(new Samples.Column(DataField.values("image", Shape.of(1, 4, 4)), pixels),
                new Samples.Column(DataField.classId("label", 2), labels)), 8, false);
    }

    @Test
    void onlyTrainingBatchesAreAugmented() {
        Graph g = imageNet();
        float[] pixels = pixels();
        float[] labels = new float[8];
        for (int i = 0; i < 8; i++) {
            labels[i] = i % 2;
        }
        Samples s = samples(pixels, labels);
        Task task = TaskProposal.propose(g, NetworkEnds.of(g), s.fields());
        BoundTask bound = new BoundTask(g, task, new Samples.Split(s, s, s), 1,
                new ImageAugmentation(false, 0, 0, 0.5));
        assertNull(bound.mismatch(bound.compile(g)));
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7};
        float[] stored = Arrays.copyOf(pixels, 4 * 16);
        assertArrayEquals(stored, bound.inputValues(0, s, order, 0, 4, false));
        float[] trained = bound.inputValues(0, s, order, 0, 4, true);
        assertEquals(stored.length, trained.length);
        assertFalse(Arrays.equals(stored, trained), "a training batch gets noise");
        assertArrayEquals(stored, Arrays.copyOf(pixels, 4 * 16), "the stored samples stay as they were");
    }

    /** A task restored from another's stream state augments its next training batch as that one does. */
    @Test
    void theAugmentationStreamIsKeptForResuming() {
        Graph g = imageNet();
        Samples s = samples(pixels(), new float[8]);
        Task task = TaskProposal.propose(g, NetworkEnds.of(g), s.fields());
        ImageAugmentation noise = new ImageAugmentation(false, 0, 0, 0.5);
        BoundTask first = new BoundTask(g, task, new Samples.Split(s, s, s), 1, noise);
        BoundTask resumed = new BoundTask(g, task, new Samples.Split(s, s, s), 1, noise);
        assertNull(first.mismatch(first.compile(g)));
        assertNull(resumed.mismatch(resumed.compile(g)));
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7};
        first.inputValues(0, s, order, 0, 4, true);
        resumed.restoreStreams(first.streamState());
        assertArrayEquals(first.inputValues(0, s, order, 4, 8, true), resumed.inputValues(0, s, order, 4, 8, true));
    }
}
