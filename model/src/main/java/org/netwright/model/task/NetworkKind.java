package org.netwright.model.task;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.Shape;

/**
 * The family of a network (MLP, CNN, Recurrent, Transformer, Autoencoder, VAE, GAN, Graph network) and the task it
 * learns (Classification, Regression, Forecasting, Reconstruction, Generation, Language model, Sequence to sequence,
 * Node classification, Graph classification), read from its layers, its ends and its saved settings. The gallery
 * labels built-in and user templates with this one reading, so both say the same for the same network.
 *
 * @param family the kind of network, in the users' words
 * @param task   what it is trained to do, in the users' words
 */
public record NetworkKind(String family, String task) {
    public static final String CLASSIFICATION = "Classification";
    public static final String REGRESSION = "Regression";
    public static final String FORECASTING = "Forecasting";
    public static final String RECONSTRUCTION = "Reconstruction";
    public static final String GENERATION = "Generation";
    public static final String LANGUAGE_MODEL = "Language model";
    public static final String SEQ2SEQ = "Sequence to sequence";
    public static final String NODE_CLASSIFICATION = "Node classification";
    public static final String GRAPH_CLASSIFICATION = "Graph classification";

    public NetworkKind {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(task, "task");
    }

    /**
     * The kind of {@code graph} trained with {@code settings}: a saved {@link Task} decides the recipe and the losses;
     * without one, the layers (noise input: GAN; sampling: VAE), the ends' shapes, the settings' loss and the data
     * recipe (a {@code horizon}: forecasting) do, as the run's proposal would for the template's data.
     */
    public static NetworkKind of(Graph graph, TrainingSettings settings) {
        Set<String> types = new HashSet<>();
        collectTypes(graph, types);
        Task task = settings == null ? null : settings.task();
        String recipe = task != null ? task.recipe()
                : types.contains("noise_input") ? Task.GAN : types.contains("sampling") ? Task.VAE : Task.PLAIN;
        if (Task.GAN.equals(recipe)) {
            return new NetworkKind("GAN", GENERATION);
        }
        if (Task.VAE.equals(recipe)) {
            return new NetworkKind("VAE", GENERATION);
        }
        NetworkEnds ends = NetworkEnds.of(graph);
        String family = familyOf(types);
        if (ends.hasGraphInput()) {
            return new NetworkKind(family, perNode(ends) ? NODE_CLASSIFICATION : GRAPH_CLASSIFICATION);
        }
        List<NetworkEnds.End> tokens = ends.inputs().stream().filter(e -> e.type().equals("token_input")).toList();
        if (!tokens.isEmpty() && ends.outputs().stream().anyMatch(o -> o.shape() != null && o.shape().rank() == 2)) {
            return new NetworkKind(family, ends.inputNodes().size() > 1 ? SEQ2SEQ : LANGUAGE_MODEL);
        }
        if (reconstructs(ends, task)) {
            return new NetworkKind("Autoencoder", RECONSTRUCTION);
        }
        return new NetworkKind(family, valuesOrClasses(ends, settings, task));
    }

    /** Every layer type of the graph, those inside composite blocks included. */
    private static void collectTypes(Graph graph, Set<String> into) {
        for (Node n : graph.nodes().values()) {
            into.add(n.type());
            if (n.body() != null) {
                collectTypes(n.body(), into);
            }
        }
    }

    private static String familyOf(Set<String> types) {
        if (types.stream().anyMatch(s -> s.startsWith("gcn") || s.startsWith("gat") || s.startsWith("graph")
                || s.equals("message_passing"))) {
            return "Graph network";
        }
        if (types.stream().anyMatch(s -> s.contains("attention") || s.contains("transformer")
                || s.equals("patch_embedding"))) {
            return "Transformer";
        }
        if (types.stream().anyMatch(s -> s.equals("lstm") || s.equals("gru") || s.equals("rnn"))) {
            return "Recurrent";
        }
        if (types.stream().anyMatch(s -> s.startsWith("conv"))) {
            return "CNN";
        }
        return "MLP";
    }

    /** A graph output with one row per node of the graph input labels nodes; anything else labels whole graphs. */
    private static boolean perNode(NetworkEnds ends) {
        Shape in = ends.inputs().stream().filter(e -> e.type().equals("graph_input") && e.shape() != null)
                .map(NetworkEnds.End::shape).findFirst().orElse(null);
        return in != null && ends.outputs().stream().anyMatch(o -> o.shape() != null && o.shape().rank() == 2
                && o.shape().dim(0) == in.dim(0));
    }

    /**
     * A saved task that trains an output against an input's own field reconstructs; without a task, an output shaped
     * like an image or sequence input (not a plain vector, which a classifier's scores can match by chance) does.
     */
    private static boolean reconstructs(NetworkEnds ends, Task task) {
        if (task != null) {
            return task.objectives().stream().anyMatch(o -> task.inputs().stream()
                    .anyMatch(b -> b.field().equals(o.target())));
        }
        return ends.inputs().stream().anyMatch(in -> in.shape() != null && in.shape().rank() >= 2
                && ends.outputs().stream().anyMatch(o -> in.shape().equals(o.shape())));
    }

    private static String valuesOrClasses(NetworkEnds ends, TrainingSettings settings, Task task) {
        List<String> losses = task != null && !task.objectives().isEmpty()
                ? task.objectives().stream().map(Objective::lossName).toList()
                : settings == null || TrainingSettings.AUTO.equals(settings.lossName()) ? List.of()
                : List.of(settings.lossName());
        boolean series = ends.inputs().stream().anyMatch(e -> e.type().equals("sequence_input"));
        DataRecipe data = settings == null ? null : settings.data();
        boolean horizon = data != null && data.options().containsKey("horizon");
        if (losses.stream().anyMatch(l -> Losses.takesClassIds(l) || l.equals("bce_with_logits"))) {
            return CLASSIFICATION;
        }
        if (!losses.isEmpty()) {
            return series ? FORECASTING : REGRESSION;
        }
        if (series && horizon) {
            return FORECASTING;
        }
        // The loss is left to the data: one number out is a value to predict, several are class scores.
        boolean oneValue = ends.outputs().stream().allMatch(o -> o.shape() != null && o.shape().size() == 1);
        return oneValue && !ends.outputs().isEmpty() ? REGRESSION : CLASSIFICATION;
    }
}
