package org.netwright.app.training;

import java.util.List;
import java.util.Optional;
import org.netwright.model.catalog.FirstLayer;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.TaskProposal;
import org.netwright.templates.Template;

/** Says why the Train button is off, in words that tell the user what to do next. */
public final class TrainReadiness {
    private TrainReadiness() {
    }

    /** Why Train is off when the network is fine but the project's data cannot train it (the Data row says more). */
    public static final String DATA_DOES_NOT_FIT = "The data cannot train the network as it is: the red line in the"
            + " Data row says why and what to change.";

    /** Said after a saved task's problem: where to fix it. */
    static final String FIX_TASK = " Change it with Edit task\u2026 in the Data row, or reset it to the proposal there.";

    /**
     * {@link #whyNot(Graph, GraphShapes, TrainingSettings)}, and also off when the task saved with the project no
     * longer fits the network and data of the Data row's last check ({@code basis}, null before a check), so that the
     * run is not started only to refuse it.
     */
    public static Optional<String> whyNot(Graph graph, GraphShapes shapes, TrainingSettings settings,
                                          DataCheck.TaskBasis basis) {
        Optional<String> first = whyNot(graph, shapes, settings);
        if (first.isPresent() || basis == null || !basis.saved() || settings.task() == null
                || !settings.task().equals(basis.task())) {
            return first;
        }
        List<String> problems = TaskProposal.problems(basis.task(), basis.graph(), basis.ends(), basis.fields());
        return problems.stream().findFirst().map(p -> "The task saved with the project no longer fits: " + p + FIX_TASK);
    }

    /** Why the network cannot be trained now, or nothing when it can. */
    public static Optional<String> whyNot(Graph graph, GraphShapes shapes, TrainingSettings settings) {
        if (graph == null || graph.isEmpty()) {
            return Optional.of("The canvas is empty: drag an input layer from the palette to start.");
        }
        if (shapes != null && !shapes.isValid()) {
            String problem = shapes.firstProblem().orElse("a layer's inputs do not fit.");
            // The canvas marks an unwired input in amber, not red: name what the user sees.
            return Optional.of(problem.endsWith("is not connected")
                    ? "Connect the amber node first: " + problem
                    : "Fix the red node first: " + problem);
        }
        if (shapes != null && shapes.totalParams() == 0) {
            return Optional.of(nothingToTrain(graph, shapes));
        }
        List<String> problems = settings == null ? List.of("No training settings.") : settings.problems();
        if (!problems.isEmpty()) {
            return Optional.of(problems.get(0));
        }
        if (Template.needsUserData(settings.data())) {
            // Reference architectures ship without data: say what they expect instead of failing in the run.
            Object expects = settings.data().options().get(Template.EXPECTS);
            return Optional.of("This network needs your own data" + (expects == null ? "" : " (" + expects + ")")
                    + ": choose it in the Data row, or change its input and output layers.");
        }
        return Optional.empty();
    }

    /**
     * What to add first to a network without weights: the layer that fits its input (a Conv2d after images, an
     * Embedding after tokens; {@link FirstLayer}), named with the input it should follow.
     */
    static String nothingToTrain(Graph graph, GraphShapes shapes) {
        LayerCatalog catalog = LayerCatalog.standard();
        // The input nothing reads yet is where the user is; else the first input of the graph.
        Node input = null;
        for (Node n : graph.nodes().values()) {
            boolean isInput = catalog.find(n.type()).map(LayerSpec::isInput).orElse(false);
            if (isInput && (input == null || (!graph.outgoingEdges(input.id()).isEmpty()
                    && graph.outgoingEdges(n.id()).isEmpty()))) {
                input = n;
            }
        }
        if (input == null) {
            return "Nothing to train yet: drag an input layer from the palette onto the canvas to start.";
        }
        NodeReport report = shapes == null ? null : shapes.report(input.id());
        Shape shape = report == null || report.outputs().isEmpty() ? null
                : report.outputs().values().iterator().next();
        String layer = FirstLayer.after(catalog, input.type(), shape).map(LayerSpec::name).orElse("Dense");
        // "an Embedding", "an LSTM" (said "el-ess-tee-em"), "a Conv2d".
        String article = "AEIOU".indexOf(layer.charAt(0)) >= 0 || layer.startsWith("LSTM") ? "an " : "a ";
        return "Nothing to train yet: drag " + article + layer + " layer onto the canvas, then drag from " + input.id()
                + "'s port to it.";
    }
}
