package org.netwright.model.command;

import java.util.Objects;
import java.util.Optional;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Changes one parameter of one node; refuses values its {@link ParamSpec} does not allow. */
public final class SetParam implements GraphCommand {
    private final String nodeId;
    private final String name;
    private final Object oldValue;
    private final Object newValue;

    private SetParam(String nodeId, String name, Object oldValue, Object newValue) {
        this.nodeId = nodeId;
        this.name = name;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    /** Captures the current value from {@code graph} so the edit can be undone. */
    public static SetParam of(Graph graph, String nodeId, String name, Object newValue) {
        Node node = graph.require(nodeId);
        Object old = node.params().get(name);
        if (old == null) {
            old = LayerCatalog.standard().find(node.type()).flatMap(s -> s.param(name))
                    .map(ParamSpec::defaultValue).orElse(null);
        }
        return new SetParam(nodeId, name, old, newValue);
    }

    public String nodeId() {
        return nodeId;
    }

    public Object newValue() {
        return newValue;
    }

    @Override
    public Graph apply(Graph graph) {
        return graph.withNode(graph.require(nodeId).withParam(name, newValue));
    }

    @Override
    public Graph undo(Graph graph) {
        return graph.withNode(graph.require(nodeId).withParam(name, oldValue));
    }

    @Override
    public String description() {
        return "Set " + nodeId + "." + name + " to " + newValue;
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        Optional<Node> node = graph.node(nodeId);
        if (node.isEmpty()) {
            return Optional.of("There is no node " + nodeId + ".");
        }
        Optional<LayerSpec> spec = LayerCatalog.standard().find(node.get().type());
        Optional<ParamSpec> param = spec.flatMap(s -> s.param(name));
        if (param.isEmpty()) {
            return Optional.of(nodeId + " has no parameter '" + name + "'.");
        }
        Optional<String> invalid = param.get().whyInvalid(newValue);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (Objects.equals(oldValue, newValue)) {
            return Optional.of(name + " is already " + newValue + ".");
        }
        return Optional.empty();
    }
}
