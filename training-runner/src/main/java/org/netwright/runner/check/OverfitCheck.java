package org.netwright.runner.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.netwright.model.graph.CompositeFlattening;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.run.RunEvent;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.Task;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.TrainingRun;

/**
 * "Overfit one batch": trains a throw-away copy of the network on one fixed batch of training items for a number of
 * steps, at the settings' optimizer and learning rate (constant, no early stopping), and judges with {@link
 * OverfitVerdict} whether the loss on that batch went near zero. Nothing is saved.
 */
public final class OverfitCheck {
    /** Steps when the caller names none: enough for a small network at its usual rate. */
    public static final int DEFAULT_STEPS = 200;

    /** The verdict and the loss measured on the batch after each step. */
    public record Result(OverfitVerdict verdict, double[] losses) {
    }

    private OverfitCheck() {
    }

    /**
     * Runs the check on the calling thread; {@code progress} hears the loss after each step. Throws
     * IllegalArgumentException, with the reason, for a GAN (its two losses pull against each other and never both
     * reach zero) or a step count below 1.
     */
    public static Result run(Graph graph, TrainingSettings settings, CheckData data, int steps,
                             Consumer<Double> progress) {
        Objects.requireNonNull(progress, "progress");
        if (steps < 1) {
            throw new IllegalArgumentException("The overfit check needs at least one step, not " + steps + ".");
        }
        int batch = Math.max(1, Math.min(settings.batchSize(), data.trainSize()));
        CheckData one = data.oneBatch(batch);
        TrainingOptions o = settings.options().withEarlyStopping(0, settings.options().monitor())
                .withRestoreBest(false).withSchedule("constant");
        // One epoch is one step over the whole batch; the validation pass then measures that batch without dropout.
        TrainingSettings s = settings.withEpochs(steps).withBatchSize(batch).withOptions(o);
        TrainingRun run = one.run(graph, s);
        Task task = run.task();
        if (task != null && Task.GAN.equals(task.recipe())) {
            throw new IllegalArgumentException("The overfit check does not apply to a GAN: its generator and"
                    + " discriminator pull against each other, so neither loss goes to zero.");
        }
        boolean vae = task != null && Task.VAE.equals(task.recipe());
        List<Double> losses = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Map<String, Double>> lastNorms =
                new java.util.concurrent.atomic.AtomicReference<>(Map.of());
        String[] failure = new String[1];
        run.addListener(new RunListener() {
            @Override
            public void epoch(RunEvent.Epoch e) {
                double loss = measure(e, one.validatesOnBatch(), vae);
                losses.add(loss);
                lastNorms.set(e.gradNorms());
                progress.accept(loss);
            }

            @Override
            public void failed(RunEvent.Failed e) {
                failure[0] = e.message();
            }
        });
        run.run();
        List<String> noGradient = new ArrayList<>();
        lastNorms.get().forEach((node, norm) -> {
            if (norm == 0) {
                noGradient.add(node);
            }
        });
        double[] values = losses.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(OverfitVerdict.judge(values, batch, frozenLayers(graph), noGradient, failure[0]), values);
    }

    /**
     * The batch's loss after a step: the validation loss when it is measured on the batch itself (no dropout), else
     * the step's training loss; a VAE's reconstruction part only, since its KL term is not meant to reach zero.
     */
    static double measure(RunEvent.Epoch e, boolean onBatch, boolean vae) {
        if (vae) {
            Double recon = e.metrics().get(onBatch ? "val_recon_loss" : "recon_loss");
            if (recon != null) {
                return recon;
            }
        }
        return onBatch && e.valLoss() != null ? e.valLoss() : e.trainLoss();
    }

    /** The layers marked as not trainable, inner layers of groups included. */
    static List<String> frozenLayers(Graph graph) {
        List<String> out = new ArrayList<>();
        for (Node n : CompositeFlattening.flatten(graph).nodes().values()) {
            if (!n.trainable()) {
                out.add(n.id());
            }
        }
        return out;
    }
}
