package org.netwright.model.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A task in words, one line per binding, as {@code train --explain-task} prints it and the training panel shows it. */
public final class TaskText {
    private TaskText() {
    }

    /** The lines describing {@code task} on a network with these ends and a dataset with these fields. */
    public static List<String> lines(Task task, NetworkEnds ends, List<DataField> fields) {
        List<String> out = new ArrayList<>();
        out.add("Recipe: " + switch (task.recipe()) {
            case Task.VAE -> "vae (reconstruction loss plus the KL term of each sampling layer, weight "
                    + task.options().getOrDefault("kl_weight", "1") + ")";
            case Task.GAN -> "gan (generator '" + task.options().get("generator") + "' and discriminator '"
                    + task.options().get("discriminator") + "' trained in turn, each with its own optimizer)";
            default -> "plain (one loss, one optimizer)";
        });
        for (InputBinding b : task.inputs()) {
            String shape = ends.inputsOf(b.node()).stream().findFirst()
                    .map(e -> e.shape() == null ? "?" : e.shape().describe()).orElse("?");
            out.add("Input  '" + b.node() + "' (" + shape + ") <- " + fieldText(b.field(), fields));
        }
        for (NetworkEnds.End e : ends.inputs()) {
            if (e.type().equals("graph_input")) {
                out.add("Input  '" + e.nodeId() + "." + e.port() + "' (" + (e.shape() == null ? "?" : e.shape().describe())
                        + ") <- the graph's node " + e.port());
            }
        }
        for (Objective o : task.objectives()) {
            String shape = ends.output(o.output()).map(e -> e.shape() == null ? "?" : e.shape().describe()).orElse("?");
            if (task.recipe().equals(Task.GAN)) {
                out.add("Output '" + o.output() + "' (" + shape + ") -> fakes the discriminator tells from "
                        + fieldText(o.target(), fields) + " (non-saturating BCE)");
            } else {
                out.add("Output '" + o.output() + "' (" + shape + ") -> " + o.loss() + " against "
                        + fieldText(o.target(), fields) + (o.weight() == 1.0 ? "" : " x " + o.weight()));
            }
        }
        out.add("Metrics: " + MetricNames.reported(task.recipe(), task.metrics()));
        return out;
    }

    private static String fieldText(String name, List<DataField> fields) {
        Optional<DataField> f = fields.stream().filter(x -> x.name().equals(name)).findFirst();
        if (f.isEmpty() && name.startsWith(TaskProposal.NOISE)) {
            return "fresh random noise each step";
        }
        return "'" + name + "'" + f.map(x -> " (" + x.describe() + ")").orElse(" (not in the data)");
    }
}
