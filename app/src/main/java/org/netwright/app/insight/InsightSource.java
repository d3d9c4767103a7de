package org.netwright.app.insight;

import java.io.IOException;
import java.nio.file.Path;

/** Where the insight view's data come from; the app's is {@link ChildInsight}, the runner's CLI in a child JVM. */
public interface InsightSource {
    /** The run's evaluation on its test part ({@code run} null: the latest trained run). */
    InsightData.Evaluation evaluate(Path project, Long run) throws IOException;

    /** The attribution of test sample {@code sample} by {@code method} for the predicted class. */
    InsightData.Saliency explain(Path project, Long run, int sample, String method) throws IOException;

    /** The run's top {@code topK} classes (or values) for a user's file, and the saliency of its top class. */
    InsightData.Prediction predict(Path project, Long run, Path file, int topK, String method) throws IOException;
}
