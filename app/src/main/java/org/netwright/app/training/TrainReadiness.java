package org.netwright.app.training;

import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.GraphShapes;
import org.netwright.templates.Template;

/** Says why the Train button is off, in words that tell the user what to do next. */
public final class TrainReadiness {
    private TrainReadiness() {
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
            return Optional.of("Nothing to train yet: drag a Dense layer onto the canvas, then drag from the input's port to it.");
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
}
