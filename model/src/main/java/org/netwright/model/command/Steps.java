package org.netwright.model.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Graph;

/**
 * Several edits made and undone as one (freezing every selected layer, a layer spliced in with the cards moved to
 * make room): applied in order, undone in reverse order. Each step is
 * checked on the graph the steps before it leave; one refusal refuses the whole.
 */
public final class Steps implements GraphCommand {
    private final List<GraphCommand> steps;
    private final String description;

    private Steps(List<GraphCommand> steps, String description) {
        this.steps = List.copyOf(steps);
        this.description = description;
    }

    /** The edits {@code steps}, applied one after the other, as one command named {@code description}. */
    public static Steps of(String description, List<? extends GraphCommand> steps) {
        return new Steps(new ArrayList<>(steps), description);
    }

    /** The steps, in the order they are applied. */
    public List<GraphCommand> steps() {
        return steps;
    }

    @Override
    public Graph apply(Graph graph) {
        return applyAll(steps, graph);
    }

    @Override
    public Graph undo(Graph graph) {
        return undoAll(steps, graph);
    }

    /** {@code graph} after each of {@code steps} in order (for a command made of several edits). */
    static Graph applyAll(List<? extends GraphCommand> steps, Graph graph) {
        Graph g = graph;
        for (GraphCommand step : steps) {
            g = step.apply(g);
        }
        return g;
    }

    /** {@code graph} with each of {@code steps} undone, the last first. */
    static Graph undoAll(List<? extends GraphCommand> steps, Graph graph) {
        Graph g = graph;
        for (int i = steps.size() - 1; i >= 0; i--) {
            g = steps.get(i).undo(g);
        }
        return g;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (steps.isEmpty()) {
            return Optional.of("There is nothing to do.");
        }
        Graph g = graph;
        for (GraphCommand step : steps) {
            Optional<String> why = step.whyNot(g);
            if (why.isPresent()) {
                return why;
            }
            g = step.apply(g);
        }
        return Optional.empty();
    }
}
