package org.netwright.runner.export;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;

/**
 * A checkpoint's tensors under the names PyTorch's {@code state_dict} of the exported {@code model.py} uses: the
 * node's module path, the DJL child blocks without their position prefix, and DJL's parameter names in PyTorch's
 * words (gamma is weight, an LSTM's {@code l_0_i2h_WEIGHT} is {@code weight_ih_l0}). Layouts already agree.
 */
public final class TorchWeights {
    private static final Pattern RECURRENT = Pattern.compile("l_(\\d+)_(i2h|h2h)_(WEIGHT|BIAS)");
    private static final Pattern POSITION = Pattern.compile("^\\d{2}");

    private TorchWeights() {
    }

    /** The tensors of {@code weights} (a checkpoint) by state-dict name, in the checkpoint's order. */
    public static Map<String, Npz.Array> stateDict(Graph graph, byte[] weights) {
        GraphBlock block = GraphCompiler.compile(graph, true);
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<String, Block> node : block.weightedNodes().entrySet()) {
            collect(node.getValue(), node.getKey() + "\u0000", TorchNames.modulePath(node.getKey()) + ".", names);
        }
        Map<String, Npz.Array> out = new LinkedHashMap<>();
        List<Tensor> tensors = Checkpoints.read(weights);
        for (Tensor t : tensors) {
            String name = names.get(t.nodeId() + "\u0000" + t.paramName());
            if (name == null) {
                throw new ExportException("The checkpoint holds " + t.paramName() + " of the layer '" + t.nodeId()
                        + "', which the graph's layer does not have; the graph changed after the run");
            }
            out.put(name, new Npz.Array(t.shape(), t.values()));
        }
        if (out.size() != names.size()) {
            throw new ExportException("The checkpoint lacks weights of " + (names.size() - out.size())
                    + " parameter(s) of the graph; the graph changed after the run");
        }
        return out;
    }

    private static void collect(Block block, String djlPrefix, String torchPrefix, Map<String, String> into) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            into.put(djlPrefix + p.getKey(), torchPrefix + parameter(p.getKey()));
        }
        for (Pair<String, Block> child : block.getChildren()) {
            String plain = POSITION.matcher(child.getKey()).replaceFirst("");
            collect(child.getValue(), djlPrefix + child.getKey() + "_", torchPrefix + plain + ".", into);
        }
    }

    /** DJL's name of a parameter in PyTorch's words. */
    static String parameter(String djl) {
        Matcher m = RECURRENT.matcher(djl);
        if (m.matches()) {
            return (m.group(3).equals("WEIGHT") ? "weight" : "bias") + "_" + (m.group(2).equals("i2h") ? "ih" : "hh")
                    + "_l" + m.group(1);
        }
        return switch (djl) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> djl;
        };
    }
}
