package org.netwright.app.insight;

import java.util.List;
import java.util.Map;

/** What the insight view shows, as plain data read from the runner's JSON answers. */
public final class InsightData {
    private InsightData() {
    }

    /** One class's row: its name, precision (NaN when never predicted), recall and sample count. */
    public record ClassScores(String name, double precision, double recall, long count) {
    }

    /**
     * A run's evaluation on its test part: loss and metrics by name, and for classes their names, the confusion
     * matrix (rows true, columns predicted) and per-class scores (empty for a regression).
     */
    public record Evaluation(long run, int samples, Map<String, Double> metrics, List<String> classes, long[][] confusion,
                             List<ClassScores> perClass) {
        public boolean hasClasses() {
            return !classes.isEmpty();
        }
    }

    /**
     * The attribution of one test sample: the image (channels×height×width, values as the network saw them), the
     * attribution over it (same size), the class explained with its probability, and the sample's true class.
     */
    public record Saliency(int sample, String method, int channels, int height, int width, float[] input,
                           float[] attribution, String className, double probability, String trueClass) {
    }
}
