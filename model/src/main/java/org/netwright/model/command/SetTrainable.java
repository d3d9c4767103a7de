package org.netwright.model.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Freezes a layer's weights ({@code trainable = false}) or lets them train again; undo restores the old flag. */
public record SetTrainable(String nodeId, boolean trainable, boolean wasTrainable) implements GraphCommand {

    /** The command for the node as it is in {@code graph} now. */
    public static SetTrainable of(Graph graph, String nodeId, boolean trainable) {
        return new SetTrainable(nodeId, trainable, graph.node(nodeId).map(Node::trainable).orElse(true));
    }

    @Override
    public Graph apply(Graph graph) {
        return set(graph, trainable);
    }

    @Override
    public Graph undo(Graph graph) {
        return set(graph, wasTrainable);
    }

    private Graph set(Graph graph, boolean value) {
        Node node = graph.require(nodeId);
        Map<String, Object> params = new LinkedHashMap<>(node.params());
        if (value) {
            params.remove(Node.TRAINABLE);
        } else {
            params.put(Node.TRAINABLE, false);
        }
        return graph.withNode(node.withParams(params));
    }

    @Override
    public String description() {
        return (trainable ? "Unfreeze " : "Freeze ") + nodeId;
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        Optional<Node> node = graph.node(nodeId);
        if (node.isEmpty()) {
            return Optional.of("There is no node " + nodeId + ".");
        }
        if (node.get().trainable() == trainable) {
            return Optional.of(nodeId + " is already " + (trainable ? "trainable" : "frozen") + ".");
        }
        return Optional.empty();
    }
}
