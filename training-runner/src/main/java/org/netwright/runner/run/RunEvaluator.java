package org.netwright.runner.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import java.util.Map;
import org.netwright.model.graph.Graph;
import org.netwright.model.task.Task;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.templates.data.Samples;

/**
 * Scores a trained run's weights on a part of the data with the very code a run's test pass uses, so {@code evaluate}
 * reports the loss and metrics training reported, under the same names (without prefixes).
 */
public final class RunEvaluator {
    private RunEvaluator() {
    }

    /** A loss and the task's metrics by unprefixed name ({@code accuracy}; {@code mae}, {@code rmse}, {@code r2}). */
    public record Scores(Double loss, Map<String, Double> metrics) {
        public Scores {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }

    /**
     * The loss and metrics of {@code weights} on {@code part}; {@code train} is the part the run trained on (it fixes
     * the units errors are reported in). Throws IllegalArgumentException saying why the data do not fit the task.
     */
    public static Scores score(Graph graph, Task task, byte[] weights, Samples train, Samples part, long seed) {
        if (Task.GAN.equals(task.recipe())) {
            throw new IllegalArgumentException("A GAN has no loss on held-out data to report; draw samples from it with"
                    + " generate.");
        }
        Samples none = part.subset(new int[0]);
        BoundTask bound = new BoundTask(graph, task, new Samples.Split(train, none, part), seed);
        try {
            GraphBlock block = bound.compile(graph);
            String why = bound.mismatch(block);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            try (Model model = Model.newInstance("netwright-evaluate", Device.cpu())) {
                model.setBlock(block);
                DefaultTrainingConfig config = new DefaultTrainingConfig(new ai.djl.training.loss.L2Loss("unused"))
                        .optDevices(new Device[] {Device.cpu()});
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(bound.inputShapes(1));
                    LoadReport report = bound.loadWeights(block, weights);
                    if (!report.skipped().isEmpty()) {
                        var first = report.skipped().entrySet().iterator().next();
                        throw new IllegalArgumentException("The checkpoint does not fit the network: layer '"
                                + first.getKey() + "' is " + first.getValue() + ".");
                    }
                    Evaluation e = bound.test(trainer);
                    return new Scores(e.loss(), e.metrics());
                }
            }
        } finally {
            bound.close();
        }
    }
}
