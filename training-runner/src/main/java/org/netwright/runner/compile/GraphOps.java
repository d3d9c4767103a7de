package org.netwright.runner.compile;

import java.util.Map;

/** Graph neural network layers; DJL has none, so each is an NDArray block of our own. */
final class GraphOps {
    private GraphOps() {
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
            // Axis 1 is the node axis once the batch axis of graphs is in front.
            return NodeOp.of(in -> switch (mode) {
                case "sum" -> in.get(0).sum(new int[] {1});
                case "max" -> in.get(0).max(new int[] {1});
                default -> in.get(0).mean(new int[] {1});
            });
        }));
    }
}
