package org.netwright.model.graph;

import java.util.List;
import java.util.Optional;

/**
 * A way down through nested composite blocks: {@code ["block_1", "inner"]} is the block {@code inner} inside the
 * body of {@code block_1}. Reads a body at a path and puts a changed body back, rebuilding each block on the way up.
 */
public final class CompositePath {
    private CompositePath() {
    }

    /** The composite node at {@code path} (non-empty), or empty when some step is missing or not a block with a body. */
    public static Optional<Node> block(Graph top, List<String> path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Graph g = top;
        Node found = null;
        for (String id : path) {
            if (g == null) {
                return Optional.empty();
            }
            found = g.nodes().get(id);
            if (found == null || !CompositePorts.isComposite(found) || found.body() == null) {
                return Optional.empty();
            }
            g = found.body();
        }
        return Optional.of(found);
    }

    /** The graph at {@code path}: {@code top} itself for the empty path, else the body of the block there. */
    public static Optional<Graph> body(Graph top, List<String> path) {
        return path.isEmpty() ? Optional.of(top) : block(top, path).map(Node::body);
    }

    /** {@code top} with the body of the block at {@code path} replaced by {@code body}; the path must exist. */
    public static Graph withBody(Graph top, List<String> path, Graph body) {
        if (path.isEmpty()) {
            return body;
        }
        Node block = top.require(path.get(0));
        Graph inner = withBody(block.body(), path.subList(1, path.size()), body);
        return top.withNode(block.withBody(inner));
    }

    /** "block_1 › inner", the words for a path in messages and the breadcrumb. */
    public static String words(List<String> path) {
        return String.join(" › ", path);
    }
}
