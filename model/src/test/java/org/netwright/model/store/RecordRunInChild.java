package org.netwright.model.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link ReaderBesideEditorTest}: records one finished run with {@code args[1]} loss points in the
 * project {@code args[0]}, as a training child does, and prints its id.
 */
public final class RecordRunInChild {
    private RecordRunInChild() {
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[1]);
        try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
            long run = store.startRun("{}", "cpu");
            for (int step = 1; step <= steps; step++) {
                store.appendMetrics(run, List.of(new MetricPoint(step, 1, "train/loss", 1.0 / step, step)));
            }
            store.finishRun(run, "completed", "{}");
            System.out.println(run);
        }
    }
}
