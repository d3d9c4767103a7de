package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Every card's bounds on the canvas, kept per card and worked out again only for a card that moved, resized, came or
 * went. The minimap and the edge routes read them after each layout pass and each drag step; working out a thousand
 * cards' bounds every time took about a tenth of the window's time while a large project opened.
 */
final class CardBoxes {
    private final Function<String, Bounds> boundsOf;
    /** The node instance each card's bounds were last synced with: a moved or edited node is a new instance. */
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Bounds> boxes = new HashMap<>();
    private final Map<String, Bounds> readOnly = Collections.unmodifiableMap(boxes);
    private final Set<String> stale = new HashSet<>();
    private long version;
    /** The bounds as a list and their union, for {@link #version} {@code listedAt}. */
    private List<Bounds> list = List.of();
    private Bounds union;
    private long listedAt = -1;
    private EdgeRoute.Cards routing;
    private long routedAt = -1;

    /** @param boundsOf a card's bounds now (its drawn card's, or those of its shape where it is not drawn) */
    CardBoxes(Function<String, Bounds> boundsOf) {
        this.boundsOf = boundsOf;
    }

    /** Takes in a new graph: cards of nodes gone are dropped, those of new, moved or edited nodes worked out again. */
    void sync(Graph graph) {
        Map<String, Node> now = graph.nodes();
        if (nodes.size() > now.size() || !now.keySet().containsAll(nodes.keySet())) {
            int before = boxes.size();
            nodes.keySet().retainAll(now.keySet());
            boxes.keySet().retainAll(now.keySet());
            stale.retainAll(now.keySet());
            if (boxes.size() != before) {
                version++;
            }
        }
        for (Node node : now.values()) {
            if (nodes.put(node.id(), node) != node) {
                stale.add(node.id());
            }
        }
    }

    /** Marks a card to be worked out again: it was drawn or taken out of the scene, dragged, or laid out anew. */
    void stale(String id) {
        if (nodes.containsKey(id)) {
            stale.add(id);
        }
    }

    /** The bounds by node id, up to date. */
    Map<String, Bounds> all() {
        refresh();
        return readOnly;
    }

    /** The bounds of every card, up to date, in no particular order. */
    List<Bounds> list() {
        listed();
        return list;
    }

    /** The cards sorted for routing edges among them ({@link EdgeRoute}), up to date. */
    EdgeRoute.Cards forRouting() {
        listed();
        if (routedAt != version) {
            routing = new EdgeRoute.Cards(list);
            routedAt = version;
        }
        return routing;
    }

    /** The area all the cards cover, or null when there are none. */
    Bounds union() {
        listed();
        return union;
    }

    /** A number that changes whenever a card's bounds do. */
    long version() {
        refresh();
        return version;
    }

    private void listed() {
        refresh();
        if (listedAt == version) {
            return;
        }
        list = List.copyOf(boxes.values());
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Bounds b : list) {
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        union = list.isEmpty() ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
        listedAt = version;
    }

    private void refresh() {
        if (stale.isEmpty()) {
            return;
        }
        for (String id : new ArrayList<>(stale)) {
            Bounds b = boundsOf.apply(id);
            if (!b.equals(boxes.put(id, b))) {
                version++;
            }
        }
        stale.clear();
    }
}
