package org.netwright.model.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Graph;

/**
 * The current graph of one open project with its undo and redo history. Every change goes
 * through here, and listeners (the canvas, autosave) hear of each one with its description.
 */
public final class CommandStack {
    /** Hears every change of the graph, whether an edit, an undo or a redo. */
    @FunctionalInterface
    public interface Listener {
        void graphChanged(Graph graph, String description);
    }

    private static final int LIMIT = 500;

    private final Deque<GraphCommand> undo = new ArrayDeque<>();
    private final Deque<GraphCommand> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new ArrayList<>();
    private Graph graph;
    private boolean running;

    public CommandStack(Graph initial) {
        this.graph = initial;
    }

    public Graph graph() {
        return graph;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Runs an edit; returns why not (and changes nothing) when it cannot be made. */
    public Optional<String> execute(GraphCommand command) {
        if (running) {
            throw new IllegalStateException("An edit may not start another edit.");
        }
        Optional<String> why = command.whyNot(graph);
        if (why.isPresent()) {
            return why;
        }
        Graph next = command.apply(graph);
        // History first, so that listeners asking canUndo()/canRedo() see the state after this edit.
        undo.push(command);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        change(next, command.description());
        return Optional.empty();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoDescription() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().description());
    }

    public Optional<String> redoDescription() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().description());
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        GraphCommand c = undo.pop();
        redo.push(c);
        change(c.undo(graph), "Undo " + c.description());
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        GraphCommand c = redo.pop();
        undo.push(c);
        change(c.apply(graph), c.description());
    }

    /** Replaces the whole graph (File > New, Open) and forgets the history. */
    public void reset(Graph newGraph, String description) {
        undo.clear();
        redo.clear();
        change(newGraph, description);
    }

    private void change(Graph next, String description) {
        running = true;
        try {
            graph = next;
            for (Listener l : List.copyOf(listeners)) {
                l.graphChanged(graph, description);
            }
        } finally {
            running = false;
        }
    }
}
