package org.netwright.runner.compile;

import java.util.Map;

/** Graph neural network layers; DJL has none, so each is an NDArray block of our own. */
final class GraphOps {
    private GraphOps() {
    }

    /** A value far below any feature, added to padded nodes so that max never picks them. */
    private static final float PADDING_FLOOR = 1e9f;

    /**
     * Pools features B×N×F over the nodes that {@code mask} B×N marks with 1: padded nodes add nothing to a sum,
     * do not count in a mean's divisor and never win a max; a graph without real nodes pools to zeros.
     */
    static ai.djl.ndarray.NDArray maskedReadout(String mode, ai.djl.ndarray.NDArray h, ai.djl.ndarray.NDArray mask) {
        ai.djl.ndarray.NDArray m = mask.expandDims(-1);
        ai.djl.ndarray.NDArray count = m.sum(new int[] {1});
        ai.djl.ndarray.NDArray any = count.gt(0).toType(h.getDataType(), false);
        return switch (mode) {
            case "sum" -> h.mul(m).sum(new int[] {1});
            // (m - 1) is 0 for a real node, so its features go into the max unchanged.
            case "max" -> h.add(m.sub(1f).mul(PADDING_FLOOR)).max(new int[] {1}).mul(any);
            default -> h.mul(m).sum(new int[] {1}).div(count.maximum(1f));
        };
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("gcn", LayerImplementation.block((p, in) -> new GcnBlock(in.get(0).dim(1), p.getInt("units"),
                p.getBool("bias"), p.getBool("self_loops"))));
        into.put("gat", LayerImplementation.block((p, in) -> new GatBlock(in.get(0).dim(1), p.getInt("units"),
                p.getInt("heads"), p.getString("combine").equals("concat"), (float) p.getDouble("negative_slope"),
                p.getBool("bias"))));
        into.put("message_passing", LayerImplementation.block((p, in) -> new MessagePassingBlock(in.get(0).dim(1),
                p.getInt("units"), p.getString("aggregation"), p.getString("activation"), p.getBool("bias"))));
        into.put("graph_readout", LayerImplementation.stateless(p -> {
            String mode = p.getString("mode");
            if (p.getBool("masked")) {
                return NodeOp.of(in -> maskedReadout(mode, in.get(0), in.get(1)));
            }
            // Axis 1 is the node axis once the batch axis of graphs is in front.
            return NodeOp.of(in -> switch (mode) {
                case "sum" -> in.get(0).sum(new int[] {1});
                case "max" -> in.get(0).max(new int[] {1});
                default -> in.get(0).mean(new int[] {1});
            });
        }));
    }
}
