package org.netwright.app.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.editor.layout.CardShape;
import org.netwright.editor.layout.LayeredLayout;
import org.netwright.editor.layout.Position;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * Every template laid out for the canvas of a 1600x1000 window: no two cards overlap, and for graphs up to the
 * size of ResNet-18 the zoom at Fit keeps each card's 13-px title at 9 px or more.
 */
class TemplateLayoutTest {
    private static final CardShapes CARDS = CardShapes.standard();
    private static final double TITLE_PX = 13;
    private static final double READABLE_PX = 9;
    private static final int RESNET18_NODES = TemplateLibrary.find("resnet18").orElseThrow().graph().nodes().size();

    static Stream<Template> templates() {
        return TemplateLibrary.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void noTwoCardsOverlap(Template t) {
        Map<String, Position> at = LayeredLayout.forView(t.graph(), CARDS, LayeredLayout.VIEW_WIDTH,
                LayeredLayout.VIEW_HEIGHT);
        assertEquals(t.graph().nodes().keySet(), at.keySet());
        List<Node> nodes = new ArrayList<>(t.graph().nodes().values());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(overlap(nodes.get(i), at, nodes.get(j)),
                        t.id() + ": " + nodes.get(i).id() + " overlaps " + nodes.get(j).id());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTitleIsReadableAtFitUpToResNet18(Template t) {
        Map<String, Position> at = LayeredLayout.forView(t.graph(), CARDS, LayeredLayout.VIEW_WIDTH,
                LayeredLayout.VIEW_HEIGHT);
        double[] size = LayeredLayout.size(t.graph(), CARDS, at);
        double zoom = Math.min(1, Math.min(LayeredLayout.VIEW_WIDTH / size[0], LayeredLayout.VIEW_HEIGHT / size[1]));
        double title = TITLE_PX * zoom;
        if (t.graph().nodes().size() <= RESNET18_NODES) {
            assertTrue(title >= READABLE_PX, t.id() + ": titles are " + title + " px at Fit (zoom " + zoom
                    + ", drawing " + size[0] + "x" + size[1] + ")");
        }
    }

    /** Every composite block's inside (a residual block, a transformer block), once per template and block type. */
    static Stream<Arguments> blocks() {
        List<Arguments> out = new ArrayList<>();
        for (Template t : TemplateLibrary.all()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Node n : t.graph().nodes().values()) {
                if (n.body() != null && seen.add(n.body().nodes().keySet().toString())) {
                    out.add(Arguments.of(t.id() + "/" + n.id(), n.body()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void insideABlockTheMainPathIsOneRowAndTheShortcutRunsBesideIt(String name, Graph body) {
        Map<String, Position> at = LayeredLayout.forView(body, CARDS, LayeredLayout.VIEW_WIDTH,
                LayeredLayout.VIEW_HEIGHT);
        // Left to right in one row: no edge runs back to the start of a next row.
        for (Edge e : body.edges()) {
            assertTrue(at.get(e.to().nodeId()).x() > at.get(e.from().nodeId()).x(), name + ": " + e.from() + " -> "
                    + e.to() + " runs back (" + at.get(e.from().nodeId()) + " to " + at.get(e.to().nodeId()) + ")");
        }
        List<Node> nodes = new ArrayList<>(body.nodes().values());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(overlap(nodes.get(i), at, nodes.get(j)), name + ": " + nodes.get(i).id() + " overlaps "
                        + nodes.get(j).id());
            }
        }
    }

    private static boolean overlap(Node a, Map<String, Position> at, Node b) {
        CardShape ca = CARDS.apply(a);
        CardShape cb = CARDS.apply(b);
        Position pa = at.get(a.id());
        Position pb = at.get(b.id());
        return pa.x() < pb.x() + cb.width() && pb.x() < pa.x() + ca.width()
                && pa.y() < pb.y() + cb.height() && pb.y() < pa.y() + ca.height();
    }
}
