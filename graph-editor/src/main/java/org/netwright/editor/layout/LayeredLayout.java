package org.netwright.editor.layout;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;

/**
 * Lays a graph out left to right with Eclipse ELK's layered algorithm: layers become columns, long chains wrap into
 * rows so that the drawing's width over height comes near the wanted aspect ratio (a screen's), and ports keep their
 * order so that branches do not cross. A pure function of the graph and the cards' shapes.
 */
public final class LayeredLayout {
    /** The canvas of a 1600x1000 window, less the margins a fit leaves: the view layouts aim at by default. */
    public static final double VIEW_WIDTH = 940;
    public static final double VIEW_HEIGHT = 525;
    /** The top-left corner of the laid-out drawing. */
    public static final double ORIGIN = 40;
    /** Room between columns; edges turn in it. */
    static final double COLUMN_GAP = 48;
    /** Room between cards of one column and between rows. */
    static final double ROW_GAP = 28;

    static {
        // Outside Eclipse nothing registers ELK's options; without this, ELK cannot copy their default values.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredOptions());
    }

    private LayeredLayout() {
    }

    /** The wrapping aims tried by {@link #forView}: from nearly square to a few long rows, then no wrapping at all. */
    private static final double[] AIMS = {1.2, 1.8, 2.5, 3.5, 5.0, Double.POSITIVE_INFINITY};
    /**
     * The smallest zoom at Fit accepted to keep a skip connection (a residual's shortcut) in one row with the layers
     * it skips; below it the wrapping that shows largest wins, split skips or not.
     */
    static final double KEEP_SKIPS_DOWN_TO = 0.4;

    /**
     * Each node's new top-left corner, chosen so that the whole drawing shows as large as possible in a view of
     * {@code viewWidth} by {@code viewHeight} pixels (never above 100 %): several wrappings are laid out and the one
     * that needs the least zooming out wins; one row when that fits at 100 %, else among those that fit at 100 % the
     * one shaped most like the view.
     * A wrapping that cuts a row between a skip connection's ends (the shortcut around a residual block's layers,
     * drawn then across rows and cards) loses to one that keeps each skip in one row with the path it skips, as long
     * as that one shows at {@link #KEEP_SKIPS_DOWN_TO} or more. Unconnected parts (a GAN's generator and
     * discriminator) are laid out one under the other.
     */
    public static Map<String, Position> forView(Graph graph, Function<Node, CardShape> cards, double viewWidth,
                                                double viewHeight) {
        List<Candidate> all = new ArrayList<>();
        for (double aim : AIMS) {
            Map<String, Position> at = positions(graph, cards, aim);
            double[] size = size(graph, cards, at);
            double zoom = Math.min(1, Math.min(viewWidth / size[0], viewHeight / size[1]));
            double shape = Math.abs(Math.log((size[0] / size[1]) / (viewWidth / viewHeight)));
            all.add(new Candidate(at, zoom, shape, splitSkips(graph, at)));
        }
        // A chain short enough to show in one row at 100 % stays one row: wrapping it (four cards as two by two) only
        // added an edge running back across the drawing, for a shape nearer the view's that nothing needed.
        Candidate row = all.get(all.size() - 1);
        if (row.zoom() >= 1 && row.splitSkips() == 0) {
            return row.at();
        }
        List<Candidate> readable = all.stream().filter(c -> c.zoom() >= KEEP_SKIPS_DOWN_TO).toList();
        List<Candidate> pool = all;
        if (!readable.isEmpty()) {
            int fewest = readable.stream().mapToInt(Candidate::splitSkips).min().orElse(0);
            pool = readable.stream().filter(c -> c.splitSkips() == fewest).toList();
        }
        Candidate best = null;
        for (Candidate c : pool) {
            if (best == null || c.zoom() > best.zoom() + 0.01
                    || (Math.abs(c.zoom() - best.zoom()) <= 0.01 && c.shape() < best.shape())) {
                best = c;
            }
        }
        return best == null ? Map.of() : best.at();
    }

    /** The smallest zoom at which a block's inside is still laid out as one row (see {@link #forBlock}). */
    static final double BLOCK_ROW_DOWN_TO = 0.5;

    /**
     * Like {@link #forView}, for the inside of a block: one row from its input ports to its output ports while that
     * shows at {@link #BLOCK_ROW_DOWN_TO} or more (the ports stand at the view's left and right edges, so a wrapped
     * inside ran from the input port across the view and back), else wrapped as {@link #forView} does.
     */
    public static Map<String, Position> forBlock(Graph graph, Function<Node, CardShape> cards, double viewWidth,
                                                 double viewHeight) {
        Map<String, Position> row = positions(graph, cards, Double.POSITIVE_INFINITY);
        if (graph.isEmpty()) {
            return row;
        }
        double[] size = size(graph, cards, row);
        double zoom = Math.min(1, Math.min(viewWidth / size[0], viewHeight / size[1]));
        return zoom >= BLOCK_ROW_DOWN_TO ? row : forView(graph, cards, viewWidth, viewHeight);
    }

    /** One laid-out wrapping: its positions, zoom at Fit, unlikeness to the view's shape and skips split by rows. */
    private record Candidate(Map<String, Position> at, double zoom, double shape, int splitSkips) {
    }

    /**
     * How many skip connections the placement {@code at} cuts: edges that jump over at least one layer of the longest
     * path (a residual's shortcut) and yet do not run left to right within a row, because a row ends between their
     * ends or a layer they skip sits outside their span.
     */
    static int splitSkips(Graph graph, Map<String, Position> at) {
        Map<String, Integer> depth = depths(graph);
        int split = 0;
        for (Edge e : graph.edges()) {
            String a = e.from().nodeId();
            String b = e.to().nodeId();
            if (depth.get(b) - depth.get(a) < 2) {
                continue;
            }
            Position pa = at.get(a);
            Position pb = at.get(b);
            boolean inRow = pb.x() > pa.x();
            // The layers the edge skips must lie between its ends, or the edge is drawn across the rows they are in.
            for (String mid : between(graph, a, b)) {
                Position pm = at.get(mid);
                inRow &= pm.x() > pa.x() && pm.x() < pb.x();
            }
            if (!inRow) {
                split++;
            }
        }
        return split;
    }

    /** How straight ELK should draw a main-path edge; a skip connection's is 0. */
    private static final int MAIN_PATH_PRIORITY = 10;

    /** Each node's depth: the number of edges on the longest path from an input to it. */
    private static Map<String, Integer> depths(Graph graph) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, List<String>> into = new HashMap<>();
        for (Edge e : graph.edges()) {
            into.computeIfAbsent(e.to().nodeId(), k -> new ArrayList<>()).add(e.from().nodeId());
        }
        for (String id : graph.topologicalOrder()) {
            int d = 0;
            for (String from : into.getOrDefault(id, List.of())) {
                d = Math.max(d, depth.getOrDefault(from, 0) + 1);
            }
            depth.put(id, d);
        }
        return depth;
    }

    /** Each node's height: the number of edges on the longest path from it to an output. */
    private static Map<String, Integer> heights(Graph graph) {
        Map<String, Integer> height = new HashMap<>();
        List<String> order = new ArrayList<>(graph.topologicalOrder());
        java.util.Collections.reverse(order);
        for (String id : order) {
            int h = 0;
            for (Edge e : graph.outgoingEdges(id)) {
                h = Math.max(h, height.getOrDefault(e.to().nodeId(), 0) + 1);
            }
            height.put(id, h);
        }
        return height;
    }

    /** The nodes on some path from {@code from} to {@code to}, both ends excluded. */
    private static List<String> between(Graph graph, String from, String to) {
        Map<String, List<String>> out = new HashMap<>();
        Map<String, List<String>> in = new HashMap<>();
        for (Edge e : graph.edges()) {
            out.computeIfAbsent(e.from().nodeId(), k -> new ArrayList<>()).add(e.to().nodeId());
            in.computeIfAbsent(e.to().nodeId(), k -> new ArrayList<>()).add(e.from().nodeId());
        }
        Set<String> after = reach(from, out);
        Set<String> before = reach(to, in);
        after.retainAll(before);
        after.remove(from);
        after.remove(to);
        return List.copyOf(after);
    }

    private static Set<String> reach(String start, Map<String, List<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(next.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    /** The width and height the cards cover when placed at {@code at}. */
    public static double[] size(Graph graph, Function<Node, CardShape> cards, Map<String, Position> at) {
        double maxX = 0;
        double maxY = 0;
        for (Node n : graph.nodes().values()) {
            CardShape c = cards.apply(n);
            Position p = at.get(n.id());
            maxX = Math.max(maxX, p.x() + c.width());
            maxY = Math.max(maxY, p.y() + c.height());
        }
        return new double[] {Math.max(1, maxX - ORIGIN), Math.max(1, maxY - ORIGIN)};
    }

    /**
     * Each node's new top-left corner, for a drawing whose width over height is near {@code aspect} (infinite: no
     * wrapping, one row); unconnected parts are laid out each on its own and stacked, in the order of their first
     * node.
     */
    public static Map<String, Position> positions(Graph graph, Function<Node, CardShape> cards, double aspect) {
        Map<String, Position> out = new LinkedHashMap<>();
        double top = 0;
        for (Graph part : parts(graph)) {
            Map<String, Position> placed = place(part, cards, aspect);
            double bottom = 0;
            for (Map.Entry<String, Position> e : placed.entrySet()) {
                Position p = e.getValue();
                out.put(e.getKey(), new Position(p.x(), p.y() + top));
                bottom = Math.max(bottom, p.y() + top + cards.apply(part.require(e.getKey())).height());
            }
            top = bottom + 2 * ROW_GAP - ORIGIN;
        }
        return out;
    }

    /** The graph's weakly connected parts, each with its nodes in graph order. */
    static List<Graph> parts(Graph graph) {
        Map<String, String> leader = new HashMap<>();
        for (String id : graph.nodes().keySet()) {
            leader.put(id, id);
        }
        for (Edge e : graph.edges()) {
            String a = find(leader, e.from().nodeId());
            String b = find(leader, e.to().nodeId());
            if (!a.equals(b)) {
                leader.put(b, a);
            }
        }
        Map<String, Graph.Builder> byLeader = new LinkedHashMap<>();
        for (Node n : graph.nodes().values()) {
            byLeader.computeIfAbsent(find(leader, n.id()), k -> Graph.builder()).node(n);
        }
        for (Edge e : graph.edges()) {
            byLeader.get(find(leader, e.from().nodeId())).connect(e);
        }
        return byLeader.values().stream().map(Graph.Builder::build).toList();
    }

    private static String find(Map<String, String> leader, String id) {
        String root = id;
        while (!leader.get(root).equals(root)) {
            root = leader.get(root);
        }
        // Path compression: later look-ups of these nodes take one step.
        String at = id;
        while (!at.equals(root)) {
            String next = leader.get(at);
            leader.put(at, root);
            at = next;
        }
        return root;
    }

    /** One connected part laid out by ELK, its top-left card at the origin. */
    private static Map<String, Position> place(Graph graph, Function<Node, CardShape> cards, double aspect) {
        if (graph.isEmpty()) {
            return Map.of();
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, COLUMN_GAP);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, ROW_GAP);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
        if (Double.isFinite(aspect)) {
            root.setProperty(LayeredOptions.ASPECT_RATIO, aspect);
            // Cuts a long chain into rows like lines of text; an edge may cross a cut, unlike the single-edge strategy.
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
        } else {
            // One row: every layer its own column, so a skip connection runs beside the layers it skips.
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.OFF);
        }
        root.setProperty(LayeredOptions.WRAPPING_ADDITIONAL_EDGE_SPACING, 16.0);
        root.setProperty(LayeredOptions.THOROUGHNESS, 10);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY,
                org.eclipse.elk.alg.layered.options.NodePlacementStrategy.NETWORK_SIMPLEX);

        Map<String, ElkNode> boxes = new LinkedHashMap<>();
        Map<PortRef, ElkPort> ports = new HashMap<>();
        for (Node node : graph.nodes().values()) {
            CardShape card = cards.apply(node);
            ElkNode box = ElkGraphUtil.createNode(root);
            box.setIdentifier(node.id());
            box.setDimensions(card.width(), card.height());
            box.setProperty(LayeredOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            for (CardShape.PortAt p : card.inputs()) {
                ports.put(new PortRef(node.id(), p.name()), port(box, 0, p.y(), PortSide.WEST));
            }
            for (CardShape.PortAt p : card.outputs()) {
                ports.put(new PortRef(node.id(), p.name()), port(box, card.width(), p.y(), PortSide.EAST));
            }
            boxes.put(node.id(), box);
        }
        Map<String, Integer> depth = depths(graph);
        Map<String, Integer> height = heights(graph);
        for (Edge e : graph.edges()) {
            // An edge to or from a port the card no longer has (Add went from 3 inputs to 2) joins the cards.
            ElkPort from = ports.get(e.from());
            ElkPort to = ports.get(e.to());
            org.eclipse.elk.graph.ElkEdge edge = from != null && to != null ? ElkGraphUtil.createSimpleEdge(from, to)
                    : ElkGraphUtil.createSimpleEdge(boxes.get(e.from().nodeId()), boxes.get(e.to().nodeId()));
            // The main path (edges on a longest path through the network) is drawn straight, a shortcut bends: else
            // an Add could line up with its shortcut (a residual block's projection) and stand, with the layers after
            // it, in the shortcut's lane below its row.
            boolean main = depth.get(e.to().nodeId()) - depth.get(e.from().nodeId()) == 1
                    && height.get(e.from().nodeId()) - height.get(e.to().nodeId()) == 1;
            edge.setProperty(LayeredOptions.PRIORITY_STRAIGHTNESS, main ? MAIN_PATH_PRIORITY : 0);
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (ElkNode box : boxes.values()) {
            minX = Math.min(minX, box.getX());
            minY = Math.min(minY, box.getY());
        }
        Map<String, Position> out = new LinkedHashMap<>();
        for (Map.Entry<String, ElkNode> b : boxes.entrySet()) {
            // Whole pixels: cards drawn at fractional positions look blurred.
            out.put(b.getKey(), new Position(Math.round(b.getValue().getX() - minX + ORIGIN),
                    Math.round(b.getValue().getY() - minY + ORIGIN)));
        }
        Map<String, Position> aligned = alignTallCards(graph, cards, out);
        // A card lifted above the row set the top; level with it now, the drawing starts at the origin again.
        double top = aligned.values().stream().mapToDouble(Position::y).min().orElse(ORIGIN);
        Map<String, Position> shifted = new LinkedHashMap<>();
        aligned.forEach((id, p) -> shifted.put(id, new Position(p.x(), p.y() - top + ORIGIN)));
        return shifted;
    }

    /**
     * Puts a taller card (an Add or a Concatenate, whose labelled port rows lie below its header) level with the row
     * it is in. ELK draws the edge into it straight, which lifts the card by the height its ports sit lower than a
     * one-port card's, so it stood above its row; now its top is the top of the card feeding it, the edge takes a
     * short step instead, and the cards after it (level with its output) stay in the row. A card that would then
     * cover another stays where it was.
     */
    static Map<String, Position> alignTallCards(Graph graph, Function<Node, CardShape> cards,
                                                Map<String, Position> at) {
        Map<String, Position> out = new LinkedHashMap<>(at);
        for (Node v : graph.nodes().values()) {
            CardShape vc = cards.apply(v);
            Position pv = out.get(v.id());
            for (Edge e : graph.incomingEdges(v.id())) {
                Node u = graph.require(e.from().nodeId());
                CardShape uc = cards.apply(u);
                Position pu = out.get(u.id());
                boolean straight = Math.abs(pu.y() + portY(uc.outputs(), e.from().port())
                        - (pv.y() + portY(vc.inputs(), e.to().port()))) < 1;
                if (!straight || pu.x() >= pv.x() || vc.height() <= uc.height() || pv.y() >= pu.y()) {
                    continue;
                }
                Position level = new Position(pv.x(), pu.y());
                if (clear(graph, cards, out, v.id(), level, vc)) {
                    out.put(v.id(), level);
                    followStraight(graph, cards, out, v, pv, level.y());
                }
                break;
            }
        }
        return out;
    }

    /**
     * Puts the cards that ELK lined up with {@code moved}'s outputs (drawn at {@code was}), and those lined up with
     * theirs in turn, level with the row as well (their tops at {@code top}): they had followed the taller card's
     * output, which lies lower on it than on a one-port card, so with the skip into an Add's first input and the main
     * path into its second the cards after the Add stood above the row, and with other wirings below it.
     */
    private static void followStraight(Graph graph, Function<Node, CardShape> cards, Map<String, Position> out,
                                       Node moved, Position was, double top) {
        CardShape mc = cards.apply(moved);
        for (Edge e : graph.outgoingEdges(moved.id())) {
            Node w = graph.require(e.to().nodeId());
            CardShape wc = cards.apply(w);
            Position pw = out.get(w.id());
            boolean straight = Math.abs(was.y() + portY(mc.outputs(), e.from().port())
                    - (pw.y() + portY(wc.inputs(), e.to().port()))) < 1;
            Position level = new Position(pw.x(), top);
            if (straight && pw.x() > was.x() && pw.y() != top && clear(graph, cards, out, w.id(), level, wc)) {
                out.put(w.id(), level);
                followStraight(graph, cards, out, w, pw, top);
            }
        }
    }

    private static double portY(List<CardShape.PortAt> ports, String name) {
        for (CardShape.PortAt p : ports) {
            if (p.name().equals(name)) {
                return p.y();
            }
        }
        return Double.NaN;
    }

    /** Whether the card of {@code id} at {@code p} keeps half a row's gap from every other card. */
    private static boolean clear(Graph graph, Function<Node, CardShape> cards, Map<String, Position> at, String id,
                                 Position p, CardShape card) {
        double m = ROW_GAP / 2;
        for (Node n : graph.nodes().values()) {
            if (n.id().equals(id)) {
                continue;
            }
            Position q = at.get(n.id());
            CardShape c = cards.apply(n);
            boolean apart = p.x() + card.width() + m <= q.x() || q.x() + c.width() + m <= p.x()
                    || p.y() + card.height() + m <= q.y() || q.y() + c.height() + m <= p.y();
            if (!apart) {
                return false;
            }
        }
        return true;
    }

    /** The graph with every node moved where {@link #forView} puts it. */
    public static Graph apply(Graph graph, Function<Node, CardShape> cards, double viewWidth, double viewHeight) {
        return moved(graph, forView(graph, cards, viewWidth, viewHeight));
    }

    /** The graph with every node moved where {@code at} says. */
    public static Graph moved(Graph graph, Map<String, Position> at) {
        List<Node> moved = new ArrayList<>();
        for (Node n : graph.nodes().values()) {
            Position p = at.get(n.id());
            moved.add(n.at(p.x(), p.y()));
        }
        return graph.withNodes(moved);
    }

    private static ElkPort port(ElkNode box, double x, double centreY, PortSide side) {
        ElkPort p = ElkGraphUtil.createPort(box);
        p.setDimensions(1, 1);
        p.setLocation(x == 0 ? -1 : x, centreY - 0.5);
        p.setProperty(LayeredOptions.PORT_SIDE, side);
        return p;
    }
}
