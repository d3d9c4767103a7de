package org.netwright.editor.canvas;

/**
 * Where the parts of a node card sit, relative to the card's top-left corner. Fixed numbers
 * (not measured bounds) so edges and port hit-tests are right before the first layout pass.
 */
final class NodeGeometry {
    static final double WIDTH = 188;
    static final double PORT_RADIUS = 6;
    /** Ports a little below the header, level with the layer name, one every {@link #PORT_GAP}. */
    static final double PORT_TOP = 24;
    static final double PORT_GAP = 20;
    /** How close (in canvas pixels) a release must be to a port's centre to hit it. */
    static final double PORT_HIT = 14;

    private NodeGeometry() {
    }

    static double portY(int index) {
        return PORT_TOP + index * PORT_GAP;
    }

    /** Tall enough that the last of {@code ports} ports still sits on the card's edge. */
    static double minHeight(int ports) {
        return ports <= 1 ? 0 : portY(ports - 1) + PORT_GAP;
    }
}
