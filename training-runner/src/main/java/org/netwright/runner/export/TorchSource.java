package org.netwright.runner.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.netwright.model.catalog.ConvolutionLayers;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.catalog.ShapingLayers;
import org.netwright.model.graph.CompositeFlattening;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/**
 * Writes a graph as PyTorch source: {@code model.py} holds our layers (the resource {@code layers.py}), one
 * nn.Module class per composite block and a {@code Model} whose submodules are named after the node ids and whose
 * forward runs the nodes in topological order. It takes and returns tensors as our compiled block does: one per
 * input port, batch axis first, raw scores where a softmax ends the network.
 */
public final class TorchSource {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    private final Graph graph;
    private final Graph flat;
    private final GraphShapes flatShapes;
    private final Set<String> scoreSoftmax = new HashSet<>();
    private final List<String> classes = new ArrayList<>();
    private final List<String> inputPorts = new ArrayList<>();
    private final List<String> outputPorts = new ArrayList<>();

    private TorchSource(Graph graph) {
        GraphShapes shapes = ShapeInference.infer(graph);
        if (!shapes.isValid()) {
            throw new ExportException("The graph cannot run, so it cannot be exported: " + shapes.problems().get(0));
        }
        this.graph = graph;
        this.flat = CompositeFlattening.flatten(graph);
        this.flatShapes = ShapeInference.infer(flat);
        for (String sink : graph.sinks()) {
            Node n = graph.require(sink);
            if (CompositePorts.isComposite(n)) {
                List<String> outs = CompositePorts.outputs(n);
                if (!outs.isEmpty()) {
                    outputPorts.add(sink + "." + outs.get(0));
                }
                continue;
            }
            LayerSpec s = CATALOG.require(n.type());
            List<String> ports = s.outputPorts(s.resolve(n.params()));
            if (!ports.isEmpty() && !s.isInput()) {
                outputPorts.add(sink + "." + ports.get(0));
            }
        }
        for (String port : outputPorts) {
            int dot = port.lastIndexOf('.');
            PortRef inner = CompositeFlattening.flatPort(graph, new PortRef(port.substring(0, dot), port.substring(dot + 1)));
            if (flat.require(inner.nodeId()).type().equals("softmax")) {
                // As our runner compiles for prediction and export: a final softmax leaves raw scores.
                scoreSoftmax.add(inner.nodeId());
            }
        }
        for (String id : flatShapes.order()) {
            Node n = flat.require(id);
            LayerSpec s = CATALOG.require(n.type());
            if (s.isInput()) {
                for (String port : s.outputPorts(s.resolve(n.params()))) {
                    inputPorts.add(id + "." + port);
                }
            }
        }
    }

    /** The complete {@code model.py} for {@code graph}. */
    public static String modelPy(Graph graph) {
        return new TorchSource(graph).render();
    }

    /** The input ports ("node.port") in the order {@code Model.forward} takes them, as our compiled block does. */
    public static List<String> inputPorts(Graph graph) {
        return new TorchSource(graph).inputPorts;
    }

    /** The output ports ("node.port") in the order {@code Model.forward} returns them. */
    public static List<String> outputPorts(Graph graph) {
        return new TorchSource(graph).outputPorts;
    }

    private String render() {
        String model = graphClass("Model", graph, "", inputPorts.stream().map(p -> argName(p)).toList(),
                "The network as drawn in Netwright: one submodule per layer, named after its node id.", null,
                outputPorts, false);
        List<String> parts = new ArrayList<>();
        if (outputPorts.size() > 1) {
            // A network of several outputs (a GAN's generator and discriminator) gets one module per output that
            // shares the network's layers, so each part can run and train on its own.
            for (String port : outputPorts) {
                String node = port.substring(0, port.lastIndexOf('.'));
                Set<String> part = ancestors(node);
                List<String> partInputs = inputPorts.stream().filter(p -> part.contains(p.substring(0, p.lastIndexOf('.'))))
                        .toList();
                String cls = graphClass("Part_" + TorchNames.of(node), graph, "", partInputs.stream().map(this::argName)
                        .toList(), "The layers that lead to the output '" + node + "', sharing the network's modules.",
                        part, List.of(port), true);
                String ports = "    INPUTS = [" + partInputs.stream().map(TorchNames::quote)
                        .collect(Collectors.joining(", ")) + "]\n";
                parts.add(cls.replaceFirst("\n\n    def __init__", "\n" + ports + "\n    def __init__"));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# model.py: written by Netwright's PyTorch export. Needs torch and numpy only.\n");
        b.append("# load() returns the trained network in eval mode; weights.npz beside this file holds its weights.\n");
        b.append(resource("layers.py"));
        b.append("\n\n# ---------------------------------------------------------------------------------------------------------------\n");
        b.append("# The network.\n");
        b.append("# ---------------------------------------------------------------------------------------------------------------\n");
        b.append("INPUTS = [").append(inputPorts.stream().map(TorchNames::quote).collect(Collectors.joining(", ")))
                .append("]\n");
        b.append("OUTPUTS = [").append(outputPorts.stream().map(TorchNames::quote).collect(Collectors.joining(", ")))
                .append("]\n");
        List<String> frozen = flat.nodes().values().stream().filter(n -> !n.trainable())
                .map(n -> TorchNames.quote(TorchNames.modulePath(n.id()))).toList();
        b.append("FROZEN = [").append(String.join(", ", frozen)).append("]\n\n\n");
        for (String c : classes) {
            b.append(c).append("\n\n");
        }
        b.append(model).append("\n\n");
        for (String part : parts) {
            b.append(part).append("\n\n");
        }
        b.append("def part(model, output):\n");
        b.append("    \"\"\"The module that computes one output node of the network from the inputs it needs.\"\"\"\n");
        b.append("    return globals()[\"Part_\" + output](model)").append(parts.isEmpty() ? " if len(OUTPUTS) > 1 else model" : "")
                .append("\n\n\n");
        b.append("""
                def load(weights=None):
                    \"\"\"The trained network in eval mode, its weights read from weights.npz beside this file.\"\"\"
                    here = os.path.dirname(os.path.abspath(__file__))
                    model = Model()
                    load_weights(model, weights or os.path.join(here, "weights.npz"))
                    for path in FROZEN:
                        for p in model.get_submodule(path).parameters():
                            p.requires_grad_(False)
                    return model.eval()
                """);
        return b.toString();
    }

    /** One nn.Module class for a graph (the whole network, or a composite's body at path {@code prefix}). */
    private String graphClass(String name, Graph g, String prefix, List<String> args, String doc, Set<String> only,
                              List<String> returnPorts, boolean shared) {
        StringBuilder init = new StringBuilder();
        StringBuilder fwd = new StringBuilder();
        Map<String, String> vars = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(args == null ? List.of() : args);
        used.add("self");
        List<String> returns = new ArrayList<>();
        boolean composite = args == null;
        Map<String, String> placeholderArgs = new LinkedHashMap<>();
        if (args == null) {
            for (Node in : CompositePorts.inputNodes(g)) {
                placeholderArgs.put(in.id(), unique(TorchNames.of(CompositePorts.portOf(in)), used));
            }
            args = List.copyOf(placeholderArgs.values());
        }
        for (String id : g.topologicalOrder()) {
            if (only != null && !only.contains(id)) {
                continue;
            }
            Node n = g.require(id);
            String path = prefix.isEmpty() ? id : prefix + CompositeFlattening.SEPARATOR + id;
            String module = TorchNames.of(id);
            if (CompositePorts.INPUT.equals(n.type())) {
                vars.put(id + ".out", placeholderArgs.get(id));
                continue;
            }
            if (CompositePorts.OUTPUT.equals(n.type())) {
                continue;
            }
            if (CompositePorts.isComposite(n)) {
                String cls = "Block_" + TorchNames.modulePath(path).replace('.', '_');
                if (shared) {
                    init.append("        self.").append(module).append(" = model.").append(module).append("\n");
                } else {
                    classes.add(graphClass(cls, n.body(), path, null, "The composite block '" + id + "'.", null, null,
                            false));
                    init.append("        self.").append(module).append(" = ").append(cls).append("()\n");
                }
                List<String> outs = CompositePorts.outputs(n);
                List<String> outVars = new ArrayList<>();
                for (String port : outs) {
                    String v = unique(module + (outs.size() == 1 ? "" : "_" + TorchNames.of(port)), used);
                    vars.put(id + "." + port, v);
                    outVars.add(v);
                }
                List<String> ins = new ArrayList<>();
                for (String port : CompositePorts.inputs(n)) {
                    ins.add(source(g, vars, id, port));
                }
                fwd.append("        ").append(outVars.isEmpty() ? "" : String.join(", ", outVars)
                        + (outVars.size() == 1 ? "" : ",") + " = ").append("self.").append(module).append("(")
                        .append(String.join(", ", ins)).append(")\n");
                continue;
            }
            LayerSpec spec = CATALOG.require(n.type());
            LayerParams params = spec.resolve(n.params());
            if (spec.isInput()) {
                for (String port : spec.outputPorts(params)) {
                    vars.put(id + "." + port, argName(id + "." + port));
                }
                continue;
            }
            List<Shape> inShapes = new ArrayList<>();
            List<String> ins = new ArrayList<>();
            for (String port : spec.inputPorts(params)) {
                PortRef from = flat.incoming(new PortRef(path, port)).orElseThrow(() -> new ExportException(
                        "The layer '" + path + "' has no input on its port '" + port + "'")).from();
                inShapes.add(flatShapes.report(from.nodeId()).outputs().get(from.port()));
                ins.add(source(g, vars, id, port));
            }
            init.append("        self.").append(module).append(" = ")
                    .append(shared ? "model." + module : constructor(path, n.type(), params, inShapes)).append("\n");
            List<String> outs = spec.outputPorts(params);
            List<String> outVars = new ArrayList<>();
            for (String port : outs) {
                String v = unique(module + (outs.size() == 1 ? "" : "_" + TorchNames.of(port)), used);
                vars.put(id + "." + port, v);
                outVars.add(v);
            }
            fwd.append("        ").append(String.join(", ", outVars)).append(outVars.size() == 1 ? "" : ",")
                    .append(" = self.").append(module).append("(").append(String.join(", ", ins)).append(")\n");
        }
        if (composite) {
            for (Node out : CompositePorts.outputNodes(g)) {
                returns.add(source(g, vars, out.id(), "in"));
            }
        } else {
            for (String port : returnPorts) {
                returns.add(vars.get(port.substring(0, port.lastIndexOf('.')) + "." + port.substring(port.lastIndexOf('.') + 1)));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("class ").append(name).append("(nn.Module):\n");
        b.append("    \"\"\"").append(doc.replace("\"", "'").replace("\\", "/")).append("\"\"\"\n\n");
        b.append(shared ? "    def __init__(self, model):\n" : "    def __init__(self):\n").append("        super().__init__()\n").append(init.length() == 0 ? "        pass\n" : init);
        b.append("\n    def forward(self");
        for (String a : args) {
            b.append(", ").append(a);
        }
        b.append("):\n").append(fwd);
        b.append("        return ").append(returns.size() == 1 ? returns.get(0) : String.join(", ", returns)).append("\n");
        return b.toString();
    }

    /** The node and every node it depends on, in the top-level graph. */
    private Set<String> ancestors(String node) {
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(node));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                graph.incomingEdges(id).forEach(e -> todo.push(e.from().nodeId()));
            }
        }
        return seen;
    }

    private static String source(Graph g, Map<String, String> vars, String id, String port) {
        PortRef from = g.incoming(new PortRef(id, port)).orElseThrow(() -> new ExportException(
                "The layer '" + id + "' has no input on its port '" + port + "'")).from();
        String v = vars.get(from.nodeId() + "." + from.port());
        if (v == null) {
            throw new ExportException("The layer '" + id + "' reads " + from + ", which no layer before it gives");
        }
        return v;
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** The forward argument for an input port: the node's name, plus the port for a node of several ports. */
    private String argName(String port) {
        int dot = port.lastIndexOf('.');
        String id = port.substring(0, dot);
        long ports = inputPorts.stream().filter(p -> p.startsWith(id + ".")).count();
        return ports == 1 ? TorchNames.of(id) : TorchNames.of(id) + "_" + TorchNames.of(port.substring(dot + 1));
    }

    /** The Python expression that builds the module of one layer, sized from the shapes that reach it. */
    private String constructor(String path, String type, LayerParams p, List<Shape> in) {
        Shape x = in.isEmpty() ? null : in.get(0);
        return switch (type) {
            case "dense" -> call("nn.Linear", last(x), p.getInt("units"), kw("bias", p.getBool("bias")));
            case "flatten" -> "Flatten()";
            case "dropout" -> call("nn.Dropout", num(p.getDouble("rate")));
            case "embedding" -> call("Embedding", p.getInt("vocabulary"), p.getInt("dimension"), p.getInt("padding_id"),
                    py(p.getBool("trainable")));
            case "reshape" -> call("Reshape", tuple(ShapingLayers.reshaped(x, p.getString("target")).toArray()));
            case "permute" -> call("Permute", tuple(ShapingLayers.order(x, p.getString("order"))));
            case "batch_norm" -> call("BatchNorm", x.dim(0), kw("momentum", num(p.getDouble("momentum"))),
                    kw("epsilon", num(p.getDouble("epsilon"))));
            case "layer_norm" -> call("nn.LayerNorm", last(x), kw("eps", num(p.getDouble("epsilon"))));
            case "group_norm" -> call("nn.GroupNorm", p.getInt("groups"), x.dim(0), kw("eps", num(p.getDouble("epsilon"))));
            case "relu" -> "nn.ReLU()";
            case "sigmoid" -> "nn.Sigmoid()";
            case "tanh" -> "nn.Tanh()";
            case "selu" -> "nn.SELU()";
            case "gelu" -> "nn.GELU()";
            case "silu" -> "nn.SiLU()";
            case "log_softmax" -> "nn.LogSoftmax(dim=-1)";
            case "softmax" -> call("Softmax", num(p.getDouble("temperature")),
                    kw("scores_only", py(scoreSoftmax.contains(path))));
            case "leaky_relu" -> call("nn.LeakyReLU", num(p.getDouble("slope")));
            case "prelu" -> call("PReLU", p.getBool("per_channel") ? x.dim(0) : 1, py(p.getBool("per_channel")));
            case "elu" -> call("nn.ELU", num(p.getDouble("alpha")));
            case "conv2d", "conv1d" -> call(type.equals("conv2d") ? "nn.Conv2d" : "nn.Conv1d", x.dim(0),
                    p.getInt("filters"), p.getInt("kernel"), kw("stride", p.getInt("stride")),
                    kw("padding", ConvolutionLayers.padding(p)), kw("dilation", p.getInt("dilation")),
                    kw("groups", p.getInt("groups")), kw("bias", py(p.getBool("bias"))));
            case "conv_transpose2d" -> call("nn.ConvTranspose2d", x.dim(0), p.getInt("filters"), p.getInt("kernel"),
                    kw("stride", p.getInt("stride")), kw("padding", p.getInt("pad")),
                    kw("output_padding", p.getInt("output_padding")), kw("bias", py(p.getBool("bias"))));
            case "max_pool2d", "max_pool1d" -> call(type.equals("max_pool2d") ? "nn.MaxPool2d" : "nn.MaxPool1d",
                    p.getInt("kernel"), kw("stride", p.getInt("stride")), kw("padding", p.getInt("pad")));
            case "avg_pool2d", "avg_pool1d" -> call(type.equals("avg_pool2d") ? "nn.AvgPool2d" : "nn.AvgPool1d",
                    p.getInt("kernel"), kw("stride", p.getInt("stride")), kw("padding", p.getInt("pad")),
                    kw("count_include_pad", "True"));
            case "global_avg_pool" -> "GlobalPool(\"avg\")";
            case "global_max_pool" -> "GlobalPool(\"max\")";
            case "upsample" -> call("Upsample", p.getInt("scale"), TorchNames.quote(p.getString("mode")));
            case "add" -> "Add()";
            case "multiply" -> "Multiply()";
            case "concatenate" -> call("Concatenate", p.getInt("axis"));
            case "split" -> call("Split", p.getInt("parts"), p.getInt("axis"));
            case "rnn", "lstm", "gru" -> call("Recurrent", TorchNames.quote(type), x.dim(1), p.getInt("hidden"),
                    kw("layers", p.getInt("layers")), kw("bidirectional", py(p.getBool("bidirectional"))),
                    kw("dropout", num(p.getDouble("dropout"))),
                    kw("return_sequences", py(p.getBool("return_sequences"))),
                    kw("activation", TorchNames.quote(type.equals("rnn") ? p.getString("activation") : "tanh")));
            case "scaled_dot_product_attention" -> call("ScaledDotProductAttention", py(p.getBool("causal")),
                    p.getBool("padding_mask") ? String.valueOf(p.getInt("padding_id")) : "None");
            case "multi_head_attention" -> call("MultiHeadAttention", p.getInt("d_model"), p.getInt("heads"),
                    py(p.getBool("causal")), num(p.getDouble("dropout")),
                    p.getBool("padding_mask") ? String.valueOf(p.getInt("padding_id")) : "None", last(x),
                    last(in.get(1)), last(in.get(2)));
            case "positional_encoding" -> call("PositionalEncoding", TorchNames.quote(p.getString("kind")), x.dim(0),
                    x.dim(1), kw("max_len", p.getInt("max_len")));
            case "feed_forward" -> call("FeedForward", x.dim(1), p.getInt("hidden"),
                    TorchNames.quote(p.getString("activation")), num(p.getDouble("dropout")));
            case "transformer_encoder_block" -> call("TransformerEncoderBlock", p.getInt("d_model"), p.getInt("heads"),
                    p.getInt("ff_dim"), TorchNames.quote(p.getString("activation")), num(p.getDouble("dropout")),
                    kw("norm_first", py(p.getBool("norm_first"))));
            case "transformer_decoder_block" -> call("TransformerDecoderBlock", p.getInt("d_model"), p.getInt("heads"),
                    p.getInt("ff_dim"), TorchNames.quote(p.getString("activation")), num(p.getDouble("dropout")),
                    kw("norm_first", py(p.getBool("norm_first"))), kw("causal", py(p.getBool("causal"))),
                    kw("memory_width", last(in.get(1))));
            case "patch_embedding" -> call("PatchEmbedding", x.dim(0), p.getInt("patch"), p.getInt("embed_dim"));
            case "class_token" -> call("ClassToken", x.dim(1));
            case "gcn" -> call("GCN", x.dim(1), p.getInt("units"), kw("bias", py(p.getBool("bias"))),
                    kw("self_loops", py(p.getBool("self_loops"))));
            case "gat" -> call("GAT", x.dim(1), p.getInt("units"), kw("heads", p.getInt("heads")),
                    kw("concat", py(p.getString("combine").equals("concat"))),
                    kw("negative_slope", num(p.getDouble("negative_slope"))), kw("bias", py(p.getBool("bias"))));
            case "message_passing" -> call("MessagePassing", x.dim(1), p.getInt("units"),
                    kw("aggregation", TorchNames.quote(p.getString("aggregation"))),
                    kw("activation", TorchNames.quote(p.getString("activation"))), kw("bias", py(p.getBool("bias"))));
            case "graph_readout" -> call("GraphReadout", TorchNames.quote(p.getString("mode")),
                    kw("masked", py(p.getBool("masked"))));
            case "sampling" -> "Sampling()";
            default -> throw new ExportException("The layer '" + path + "' is a " + type
                    + ", which the PyTorch export does not write yet");
        };
    }

    private static int last(Shape s) {
        return s.dim(s.rank() - 1);
    }

    private static String call(String fn, Object... args) {
        return fn + "(" + java.util.Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static String kw(String name, Object value) {
        return name + "=" + (value instanceof Boolean bool ? py(bool) : value);
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%s", Double.toString(d));
    }

    private static String tuple(int[] values) {
        StringBuilder b = new StringBuilder("(");
        for (int v : values) {
            b.append(v).append(", ");
        }
        return b.append(")").toString();
    }

    static String resource(String name) {
        try (InputStream in = TorchSource.class.getResourceAsStream("pytorch/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The resource pytorch/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
