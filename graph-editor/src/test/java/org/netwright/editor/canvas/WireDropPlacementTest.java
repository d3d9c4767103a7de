package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

/** A card added by dropping a wire lines up with the port the wire comes from when the hand missed by a little. */
class WireDropPlacementTest {
    private final Point2D port = new Point2D(200, 124);

    @Test
    void aReleaseAFewPixelsOffThePortsHeightIsLevelledWithIt() {
        assertEquals(new Point2D(330, 124), WireDropMenu.alignedDrop(new Point2D(330, 121), port));
        assertEquals(new Point2D(330, 124), WireDropMenu.alignedDrop(new Point2D(330, 124 + NodeGeometry.PORT_HIT), port));
    }

    @Test
    void aReleaseClearlyAboveOrBelowStaysWhereItWas() {
        Point2D below = new Point2D(60, 124 + NodeGeometry.PORT_HIT + 1);
        assertEquals(below, WireDropMenu.alignedDrop(below, port));
        assertEquals(new Point2D(60, 300), WireDropMenu.alignedDrop(new Point2D(60, 300), port));
    }

    @Test
    void theWireGoesLevelIntoTheChosenPortOfACardWithSeveralInputs() {
        var catalog = org.netwright.model.catalog.LayerCatalog.standard();
        var add = catalog.require("add");
        var dense = catalog.require("dense");
        var addNode = new org.netwright.model.graph.Node("add_1", "add", add.defaults(), 0, 0);
        var denseNode = new org.netwright.model.graph.Node("dense_1", "dense", dense.defaults(), 0, 0);

        assertEquals(NodeGeometry.SINGLE_PORT_Y, WireDropMenu.inPortY(denseNode, new WireDropMenu.Choice(dense, "in")));
        assertEquals(NodeGeometry.portY(0, true, false), WireDropMenu.inPortY(addNode, new WireDropMenu.Choice(add, "in1")));
        assertEquals(NodeGeometry.portY(1, true, false), WireDropMenu.inPortY(addNode, new WireDropMenu.Choice(add, "in2")));
    }
}
