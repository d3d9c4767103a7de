package org.netwright.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** A project saved by the command line from a template opens laid out; one a user arranged keeps its places. */
class TemplateLayoutsTest {
    private final Template lenet = TemplateLibrary.find("lenet5").orElseThrow();

    @Test
    void aTemplatesGraphAtItsRawPlacesTakesTheAppsLayoutAndKeepsItsSettings() {
        Node firstDense = lenet.graph().nodes().values().stream().filter(n -> n.type().equals("dense")).findFirst()
                .orElseThrow();
        // The command line's --width changes settings, not places.
        Graph saved = lenet.graph().withNode(firstDense.withParams(Map.of("units", 99)));

        Graph opened = TemplateLayouts.laidOutIfTemplateAsSaved(saved);

        Graph laid = TemplateLayouts.laidOut(lenet);
        for (Node n : opened.nodes().values()) {
            assertEquals(laid.nodes().get(n.id()).x(), n.x(), n.id());
            assertEquals(laid.nodes().get(n.id()).y(), n.y(), n.id());
        }
        assertEquals(1, lenet.graph().nodes().values().stream().map(Node::y).distinct().count(), "raw: one row");
        assertNotEquals(1L, opened.nodes().values().stream().map(Node::y).distinct().count(), "opened: wrapped");
        assertEquals(99, opened.nodes().get(firstDense.id()).params().get("units"));
        assertEquals(saved.edges(), opened.edges());
    }

    @Test
    void aGraphWithOneCardMovedIsLeftWhereTheUserPutIt() {
        Node input = lenet.graph().nodes().get("input");
        Graph arranged = lenet.graph().withNode(input.at(input.x(), input.y() + 300));

        assertSame(arranged, TemplateLayouts.laidOutIfTemplateAsSaved(arranged));
    }
}
