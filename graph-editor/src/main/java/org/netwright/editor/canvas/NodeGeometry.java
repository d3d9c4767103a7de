package org.netwright.editor.canvas;

/**
 * Where the parts of a node card sit, relative to the card's top-left corner. Fixed numbers
 * (not measured bounds) so edges and port hit-tests are right before the first layout pass.
 * A card with one input and one output has its ports level with the layer name; a card with
 * more has a labelled row per port below a fixed-height header.
 */
final class NodeGeometry {
    static final double WIDTH = 188;
    static final double STRIP = 6;
    static final double BODY_TOP = 5;
    /** Title, id, shape and parameter count; fixed on many-port cards so the rows line up with the ports. */
    static final double HEADER = 68;
    /** The extra header line of a composite block ("▸ 5 layers"). */
    static final double COMPOSITE_LINE = 16;
    static final double PORT_RADIUS = 6;
    static final double SINGLE_PORT_Y = 24;
    static final double PORT_GAP = 20;
    /** How close (content pixels; widened when zoomed out) a release must be to a port's centre to hit it. */
    static final double PORT_HIT = 14;

    private NodeGeometry() {
    }

    /** True when the card needs labelled port rows. */
    static boolean manyPorts(int inputs, int outputs) {
        return Math.max(inputs, outputs) > 1;
    }

    static double headerHeight(boolean composite) {
        return composite ? HEADER + COMPOSITE_LINE : HEADER;
    }

    /** The centre height of port {@code index} on a card whose ports are laid out as {@code many} says. */
    static double portY(int index, boolean many, boolean composite) {
        if (!many) {
            return SINGLE_PORT_Y + index * PORT_GAP;
        }
        return STRIP + BODY_TOP + headerHeight(composite) + index * PORT_GAP + PORT_GAP / 2;
    }
}
