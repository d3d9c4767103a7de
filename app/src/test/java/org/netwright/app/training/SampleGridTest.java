package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.model.run.RunEventJson;

/** A generative run's sample grid: the runner's event line, read back by the app, drawn by the view model. */
class SampleGridTest {
    private final TrainingViewModel model = new TrainingViewModel((p, s, e) -> {
        throw new AssertionError("not started in these tests");
    });

    /** 2 rows × 3 columns of 1×2×2 grey images; sample n has every pixel (n + 1) / 10, its top-left pixel 0. */
    private static RunEvent.Samples grid() {
        float[] v = new float[6 * 4];
        for (int n = 0; n < 6; n++) {
            for (int p = 0; p < 4; p++) {
                v[n * 4 + p] = p == 0 ? 0 : (n + 1) / 10f;
            }
        }
        return new RunEvent.Samples(3, 2, 3, new int[] {1, 2, 2}, v);
    }

    @Test
    void theSamplesLineReadsBackAsTheSameGrid() {
        RunEvent.Samples sent = grid();
        String line = RunEventJson.line(sent);
        assertTrue(line.contains("\"type\":\"samples\""), line);
        RunEvent.Samples read = (RunEvent.Samples) RunEventJson.parse(line).orElseThrow();
        assertEquals(3, read.epoch());
        assertEquals(2, read.rows());
        assertEquals(3, read.cols());
        assertArrayEquals(new int[] {1, 2, 2}, read.sampleShape());
        assertArrayEquals(sent.values(), read.values(), 1e-4f);
    }

    @Test
    void aLineWhoseValuesDoNotFillTheGridIsNoEvent() {
        assertTrue(RunEventJson.parse("{\"type\":\"samples\",\"epoch\":1,\"rows\":2,\"cols\":2,"
                + "\"sample_shape\":[2],\"values\":[1,2,3]}").isEmpty());
    }

    @Test
    void imageSamplesAreTiledWithAGapAndClippedGreyLevels() {
        RunEvent.Samples read = (RunEvent.Samples) RunEventJson.parse(RunEventJson.line(grid())).orElseThrow();
        model.apply(List.of(new RunEvent.Started(1, "cpu", 5, 10), read));
        SampleGrid picture = model.samplesProperty().get();
        assertEquals(3 * 2 + 2, picture.width());
        assertEquals(2 * 2 + 1, picture.height());
        assertEquals(0xFF000000, picture.pixel(0, 0));
        int grey = Math.round(0.1f * 255);
        assertEquals(0xFF000000 | grey << 16 | grey << 8 | grey, picture.pixel(1, 1));
        // Sample 5 (second row, third column) starts at x = 6, y = 3.
        int five = Math.round(0.6f * 255);
        assertEquals(0xFF000000 | five << 16 | five << 8 | five, picture.pixel(7, 4));
        assertEquals(0xFF808080, picture.pixel(2, 0));
        assertEquals("Samples from fixed noise after epoch 3", model.samplesCaptionProperty().get());
        assertEquals(255, SampleGrid.level(7f));
        assertEquals(0, SampleGrid.level(-1f));
    }

    @Test
    void pointsAreDrawnAsDotsAndANewRunClearsThem() {
        RunEvent.Samples points = new RunEvent.Samples(1, 1, 2, new int[] {2}, new float[] {1, 0, -1, 0});
        model.apply(List.of(points));
        SampleGrid picture = model.samplesProperty().get();
        int w = picture.width();
        assertEquals(0xFFFFFFFF, picture.pixel(w / 2, w / 2));
        assertTrue(picture.pixel(w - 4, w / 2) != 0xFFFFFFFF);
        assertTrue(picture.pixel(4, w / 2) != 0xFFFFFFFF);
        model.apply(List.of(new RunEvent.Samples(2, 1, 1, new int[] {5}, new float[5])));
        assertEquals(picture, model.samplesProperty().get(), "samples of 5 numbers make no picture; the last stays");
        model.apply(List.of(new RunEvent.Finished("completed", new org.netwright.model.run.FinalMetrics(Double.NaN, java.util.Map.of(), "last", "cpu", 0, 0))));
        assertTrue(model.samplesProperty().get() != null, "the last grid stays after the run");
        assertNull(SampleGrid.of(new RunEvent.Samples(2, 1, 1, new int[] {5}, new float[5])).orElse(null));
    }
}
