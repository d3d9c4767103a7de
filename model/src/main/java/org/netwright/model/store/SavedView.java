package org.netwright.model.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * How the user left the project's canvas by hand: its zoom (1 for 100 %) and the point of the graph at the middle of
 * the view. A project without one (or one the app saved before views were kept) opens fitted to its graph.
 */
public record SavedView(double zoom, double centerX, double centerY) {
    /** The view as the project table keeps it: the three numbers, space-separated. */
    public String text() {
        return String.format(Locale.ROOT, "%s %s %s", zoom, centerX, centerY);
    }

    /** A view read back from {@link #text}; empty for text that is not three finite numbers with a zoom above 0. */
    public static Optional<SavedView> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            double z = Double.parseDouble(parts[0]);
            double x = Double.parseDouble(parts[1]);
            double y = Double.parseDouble(parts[2]);
            return z > 0 && Double.isFinite(z) && Double.isFinite(x) && Double.isFinite(y)
                    ? Optional.of(new SavedView(z, x, y)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The paths of every block in {@code graph} (block ids from the network down), whose canvases may keep a view: a
     * view kept for a path not among them belongs to a block that is gone, and would otherwise greet a new block
     * that happens to get the same id.
     */
    public static Set<List<String>> blockPaths(Graph graph) {
        Set<List<String>> out = new HashSet<>();
        addBlockPaths(graph, List.of(), out);
        return out;
    }

    private static void addBlockPaths(Graph graph, List<String> above, Set<List<String>> out) {
        for (Node node : graph.nodes().values()) {
            if (node.body() != null) {
                List<String> path = new ArrayList<>(above);
                path.add(node.id());
                out.add(List.copyOf(path));
                addBlockPaths(node.body(), path, out);
            }
        }
    }
}
