package org.netwright.model.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.CompositePath;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Any edit made inside a composite block (at any depth): {@code inner} is applied to the body of the block at
 * {@code path} and the blocks on the way up are rebuilt, so one stack holds edits of every level and undo and redo
 * work across them. Refused when the block is gone, when {@code inner} refuses, or when the edit would take away a
 * port of the block that is wired outside it.
 */
public record EditInside(List<String> path, GraphCommand inner) implements GraphCommand {
    public EditInside {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("An edit inside a block needs the block's path.");
        }
    }

    @Override
    public Graph apply(Graph graph) {
        return CompositePath.withBody(graph, path, inner.apply(body(graph)));
    }

    @Override
    public Graph undo(Graph graph) {
        return CompositePath.withBody(graph, path, inner.undo(body(graph)));
    }

    private Graph body(Graph graph) {
        return CompositePath.body(graph, path).orElseThrow(() -> new IllegalStateException(
                "There is no block " + CompositePath.words(path) + "."));
    }

    @Override
    public String description() {
        return inner.description() + " in " + CompositePath.words(path);
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        Optional<Graph> body = CompositePath.body(graph, path);
        if (body.isEmpty()) {
            return Optional.of("The block " + CompositePath.words(path) + " is no longer in the network.");
        }
        Optional<String> why = inner.whyNot(body.get());
        if (why.isPresent()) {
            return why;
        }
        return lostPort(graph, inner.apply(body.get()));
    }

    /** A port the edit removes (or renames) while the block's parent still wires it, said in one sentence. */
    private Optional<String> lostPort(Graph top, Graph after) {
        Graph parent = CompositePath.body(top, path.subList(0, path.size() - 1)).orElseThrow();
        String blockId = path.get(path.size() - 1);
        Node was = parent.require(blockId);
        Node now = was.withBody(after);
        List<String> ins = CompositePorts.inputs(now);
        List<String> outs = CompositePorts.outputs(now);
        List<String> lost = new ArrayList<>();
        for (Edge e : parent.incomingEdges(blockId)) {
            if (!ins.contains(e.to().port())) {
                lost.add("input '" + e.to().port() + "'");
            }
        }
        for (Edge e : parent.outgoingEdges(blockId)) {
            if (!outs.contains(e.from().port()) && !lost.contains("output '" + e.from().port() + "'")) {
                lost.add("output '" + e.from().port() + "'");
            }
        }
        if (lost.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("This would take away the " + String.join(" and ", lost) + " of " + blockId
                + ", which is connected outside the block; disconnect it there first.");
    }
}
