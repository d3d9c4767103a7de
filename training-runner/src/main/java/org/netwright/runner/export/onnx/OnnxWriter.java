package org.netwright.runner.export.onnx;

import static org.netwright.runner.export.onnx.OnnxBuilder.attr;
import static org.netwright.runner.export.onnx.OnnxBuilder.ints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netwright.model.catalog.ConvolutionLayers;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.catalog.ShapingLayers;
import org.netwright.model.graph.CompositeFlattening;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.runner.compile.PositionalEncodingBlock;
import org.netwright.runner.export.ExportException;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.export.onnx.proto.Onnx.OperatorSetIdProto;
import org.netwright.runner.export.onnx.proto.Onnx.StringStringEntryProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorShapeProto;
import org.netwright.runner.export.onnx.proto.Onnx.TypeProto;
import org.netwright.runner.export.onnx.proto.Onnx.ValueInfoProto;

/**
 * Translates a graph and its checkpoint into an ONNX model (opset 17) that computes what our compiled block computes
 * in inference: one graph input per input node (named after the node; an input with several ports, such as a graph
 * input, gives one per port named {@code node.port}), one output per output node named after it, raw scores (a final
 * softmax is left out as in training), dropout as identity, a VAE's sampling as its mean. Every layer is checked
 * before anything is built, and a layer ONNX cannot express is refused naming the node and why.
 */
public final class OnnxWriter {
    /** The ONNX operator set the models use. */
    public static final int OPSET = 17;
    /**
     * IR version 10: the first whose nodes and values carry metadata, which holds our layer marks (ONNX Runtime reads
     * it from 1.17 on).
     */
    static final int IR_VERSION = 10;
    /** Added to masked attention scores, as our attention kernel and GAT layer do. */
    private static final float MASKED = -1e9f;

    /** Node metadata naming the layer of ours that an ONNX node belongs to. */
    public static final String LAYER_KEY = "netwright.layer";
    /** Metadata of a layer's first ONNX node (and of a graph input): its type, settings and ports as JSON. */
    public static final String DESCRIPTION_KEY = "netwright.description";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The layer types this writer translates (inputs are graph inputs and composites are flattened first). */
    public static final Set<String> SUPPORTED = Set.of("dense", "flatten", "dropout", "embedding", "relu", "sigmoid",
            "tanh", "softmax", "log_softmax", "leaky_relu", "elu", "selu", "gelu", "silu", "prelu", "conv2d", "conv1d",
            "conv_transpose2d", "max_pool2d", "max_pool1d", "avg_pool1d", "avg_pool2d", "global_avg_pool",
            "global_max_pool", "upsample", "batch_norm", "layer_norm", "group_norm", "reshape", "permute", "add",
            "multiply", "concatenate", "split", "positional_encoding", "patch_embedding", "class_token",
            "multi_head_attention", "scaled_dot_product_attention", "feed_forward", "transformer_encoder_block",
            "transformer_decoder_block", "rnn", "lstm", "gru", "gcn", "gat", "message_passing", "graph_readout",
            "sampling");

    private final Graph original;
    private final Graph graph;
    private final GraphShapes shapes;
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final Map<String, Map<String, Tensor>> weights = new HashMap<>();
    private final OnnxBuilder b = new OnnxBuilder();
    private final Map<String, String> values = new HashMap<>();

    private OnnxWriter(Graph graph, List<Tensor> tensors) {
        this.original = graph;
        GraphShapes originalShapes = ShapeInference.infer(graph);
        if (!originalShapes.isValid()) {
            throw new ExportException("The graph cannot run, so it cannot be exported: "
                    + originalShapes.problems().get(0));
        }
        this.graph = CompositeFlattening.flatten(graph);
        this.shapes = ShapeInference.infer(this.graph);
        for (Tensor t : tensors) {
            weights.computeIfAbsent(t.nodeId(), k -> new HashMap<>()).put(plainName(t.paramName()), t);
        }
    }

    /**
     * The ONNX model of {@code graph} with the weights of {@code tensors} (a checkpoint's, keyed by node id).
     *
     * @throws ExportException when a layer has no ONNX form or its weights are missing, before anything is built
     */
    public static ModelProto toModel(Graph graph, List<Tensor> tensors) {
        OnnxWriter w = new OnnxWriter(graph, tensors);
        w.check();
        return w.build();
    }

    /** DJL names a nested parameter with its position ("01self_attention_02key_weight"); the positions are dropped. */
    static String plainName(String djlName) {
        return djlName.replaceAll("(^|_)\\d\\d(?=[a-zA-Z])", "$1");
    }

    private void check() {
        for (String id : shapes.order()) {
            Node node = graph.require(id);
            LayerSpec spec = catalog.require(node.type());
            if (spec.isInput()) {
                continue;
            }
            if (!SUPPORTED.contains(node.type())) {
                throw new ExportException("Layer '" + id + "' (" + node.type() + ") cannot be exported to ONNX: "
                        + "Netwright has no ONNX translation for this layer type.");
            }
            LayerParams p = spec.resolve(node.params());
            if (node.type().equals("upsample") && !List.of("nearest", "bilinear").contains(p.getString("mode"))) {
                throw new ExportException("Layer '" + id + "' (upsample) uses mode '" + p.getString("mode")
                        + "', which has no ONNX Resize equivalent here.");
            }
        }
    }

    private ModelProto build() {
        List<String> outputs = outputPorts();
        for (String id : shapes.order()) {
            Node node = graph.require(id);
            LayerSpec spec = catalog.require(node.type());
            LayerParams p = spec.resolve(node.params());
            List<String> outPorts = spec.outputPorts(p);
            b.layer(id);
            if (spec.isInput()) {
                Map<String, String> ports = new LinkedHashMap<>();
                for (String port : outPorts) {
                    String name = b.reserve(outPorts.size() == 1 ? id : id + "." + port);
                    ports.put(port, name);
                    values.put(id + "." + port, name);
                }
                for (String port : outPorts) {
                    b.graph().addInput(valueInfo(ports.get(port), shapes.report(id).outputs().get(port)).toBuilder()
                            .addMetadataProps(OnnxBuilder.entry(LAYER_KEY, id))
                            .addMetadataProps(OnnxBuilder.entry(DESCRIPTION_KEY, describe(node, Map.of(), ports))));
                }
                continue;
            }
            int firstNode = b.nodeCount();
            List<String> in = new ArrayList<>();
            List<Shape> inShapes = new ArrayList<>();
            for (String port : spec.inputPorts(p)) {
                PortRef from = graph.incoming(new PortRef(id, port)).orElseThrow().from();
                in.add(values.get(from.nodeId() + "." + from.port()));
                inShapes.add(shapes.report(from.nodeId()).outputs().get(from.port()));
            }
            boolean outputSoftmax = node.type().equals("softmax") && outputs.contains(id + ".out");
            List<String> out = outputSoftmax
                    ? List.of(b.op("Div", List.of(in.get(0), b.scalar("temperature", (float) p.getDouble("temperature")))))
                    : layer(id, node.type(), p, in, inShapes);
            Map<String, String> inPorts = new LinkedHashMap<>();
            List<String> inNames = spec.inputPorts(p);
            for (int i = 0; i < inNames.size(); i++) {
                inPorts.put(inNames.get(i), in.get(i));
            }
            Map<String, String> outMap = new LinkedHashMap<>();
            for (int i = 0; i < outPorts.size(); i++) {
                values.put(id + "." + outPorts.get(i), out.get(i));
                outMap.put(outPorts.get(i), out.get(i));
            }
            b.annotate(firstNode, id, describe(node, inPorts, outMap));
        }
        // Outputs are named after the output nodes as the user sees them (a composite's, not its inner layer's).
        for (String port : outputs) {
            String id = port.substring(0, port.lastIndexOf('.'));
            PortRef flat = CompositeFlattening.flatPort(original, new PortRef(id, port.substring(port.lastIndexOf('.') + 1)));
            b.layer(id);
            String name = b.reserve(id);
            b.opNamed("Identity", List.of(values.get(flat.nodeId() + "." + flat.port())), name);
            b.graph().addOutput(valueInfo(name, shapes.report(flat.nodeId()).outputs().get(flat.port())));
        }
        b.graph().setName("netwright");
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("Netwright")
                .setProducerVersion("0.1").addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("")
                        .setVersion(OPSET))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("netwright.layout")
                        .setValue("batch first; token and label ids as float32; raw scores (no softmax)"))
                .setGraph(b.graph()).build();
    }

    /** The layer as JSON: {"node": a one-node graph in our graph format, "inputs"/"outputs": port -> ONNX value}. */
    private static String describe(Node node, Map<String, String> inputs, Map<String, String> outputs) {
        var o = JSON.createObjectNode();
        Node plain = new Node("layer", node.type(), node.params(), 0, 0);
        o.put("node", org.netwright.model.json.GraphJson.write(Graph.empty().withNode(plain)));
        inputs.forEach(o.putObject("inputs")::put);
        outputs.forEach(o.putObject("outputs")::put);
        return o.toString();
    }

    /** Every sink's first output port ("node.port") of the graph as drawn, as GraphCompiler picks them. */
    private List<String> outputPorts() {
        List<String> ports = new ArrayList<>();
        for (String sink : original.sinks()) {
            Node n = original.require(sink);
            LayerSpec s = catalog.require(n.type());
            List<String> outs = s.outputPorts(s.resolve(n.params()));
            if (!outs.isEmpty() && !s.isInput()) {
                ports.add(sink + "." + outs.get(0));
            }
        }
        if (ports.isEmpty()) {
            throw new ExportException("The graph has no output layer to export.");
        }
        return ports;
    }

    private static ValueInfoProto valueInfo(String name, Shape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : shape.toArray()) {
            dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(dims))).build();
    }

    // ---- weights -------------------------------------------------------------------------------------------

    private Tensor tensor(String id, String name) {
        Map<String, Tensor> mine = weights.get(id);
        Tensor t = mine == null ? null : mine.get(name);
        if (t == null) {
            throw new ExportException("Layer '" + id + "' has no weight '" + name + "' in the checkpoint, so it cannot"
                    + " be exported; train the run again.");
        }
        return t;
    }

    private boolean has(String id, String name) {
        return weights.containsKey(id) && weights.get(id).containsKey(name);
    }

    private String init(String id, String name) {
        Tensor t = tensor(id, name);
        return b.floats(name, t.shape(), t.values());
    }

    private String initTransposed(String id, String name) {
        Tensor t = tensor(id, name);
        long rows = t.shape()[0];
        long cols = t.shape()[1];
        float[] v = t.values();
        float[] out = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[(int) (c * rows + r)] = v[(int) (r * cols + c)];
            }
        }
        return b.floats(name + "_t", new long[] {cols, rows}, out);
    }

    // ---- layers --------------------------------------------------------------------------------------------

    private List<String> layer(String id, String type, LayerParams p, List<String> in, List<Shape> inShapes) {
        String x = in.isEmpty() ? null : in.get(0);
        int rank = inShapes.isEmpty() ? 0 : inShapes.get(0).rank() + 1;
        return switch (type) {
            case "dense" -> List.of(linear(id, "", x, rank, p.getBool("bias")));
            case "flatten" -> List.of(b.op("Flatten", List.of(x), attr("axis", 1L)));
            case "dropout", "sampling" -> List.of(b.op("Identity", List.of(x)));
            case "embedding" -> List.of(embedding(id, p, x));
            case "relu" -> List.of(b.op("Relu", List.of(x)));
            case "sigmoid" -> List.of(b.op("Sigmoid", List.of(x)));
            case "tanh" -> List.of(b.op("Tanh", List.of(x)));
            case "softmax" -> List.of(b.op("Softmax", List.of(b.op("Div", List.of(x,
                    b.scalar("temperature", (float) p.getDouble("temperature"))))), attr("axis", -1L)));
            case "log_softmax" -> List.of(b.op("LogSoftmax", List.of(x), attr("axis", -1L)));
            case "leaky_relu" -> List.of(b.op("LeakyRelu", List.of(x), attr("alpha", (float) p.getDouble("slope"))));
            case "elu" -> List.of(b.op("Elu", List.of(x), attr("alpha", (float) p.getDouble("alpha"))));
            case "selu" -> List.of(b.op("Selu", List.of(x)));
            case "gelu" -> List.of(gelu(x));
            case "silu" -> List.of(b.op("Mul", List.of(x, b.op("Sigmoid", List.of(x)))));
            case "prelu" -> List.of(prelu(id, p, x, rank));
            case "conv2d", "conv1d" -> List.of(conv(id, p, x, type.equals("conv2d") ? 2 : 1));
            case "conv_transpose2d" -> List.of(convTranspose(id, p, x));
            case "max_pool2d", "avg_pool2d", "max_pool1d", "avg_pool1d" -> List.of(pool(type, p, x));
            case "global_avg_pool" -> List.of(b.op("Flatten", List.of(b.op("GlobalAveragePool", List.of(x))),
                    attr("axis", 1L)));
            case "global_max_pool" -> List.of(b.op("Flatten", List.of(b.op("GlobalMaxPool", List.of(x))),
                    attr("axis", 1L)));
            case "upsample" -> List.of(upsample(p, x));
            case "batch_norm" -> List.of(b.op("BatchNormalization", List.of(x, init(id, "gamma"), init(id, "beta"),
                    init(id, "runningMean"), init(id, "runningVar")), attr("epsilon", (float) p.getDouble("epsilon"))));
            case "layer_norm" -> List.of(b.op("LayerNormalization", List.of(x, init(id, "gamma"), init(id, "beta")),
                    attr("axis", -1L), attr("epsilon", (float) p.getDouble("epsilon"))));
            case "group_norm" -> List.of(groupNorm(id, p, x, inShapes.get(0)));
            case "reshape" -> {
                Shape target = ShapingLayers.reshaped(inShapes.get(0), p.getString("target"));
                yield List.of(reshape(x, target.toArray()));
            }
            case "permute" -> {
                int[] order = ShapingLayers.order(inShapes.get(0), p.getString("order"));
                long[] perm = new long[order.length + 1];
                for (int i = 0; i < order.length; i++) {
                    perm[i + 1] = order[i] + 1;
                }
                yield List.of(b.op("Transpose", List.of(x), ints("perm", perm)));
            }
            case "add", "multiply" -> {
                String acc = x;
                for (int i = 1; i < in.size(); i++) {
                    acc = b.op(type.equals("add") ? "Add" : "Mul", List.of(acc, in.get(i)));
                }
                yield List.of(acc);
            }
            case "concatenate" -> {
                int axis = p.getInt("axis");
                yield List.of(b.op("Concat", in, attr("axis", (long) ((axis < 0 ? rank - 1 + axis : axis) + 1))));
            }
            case "split" -> {
                int axis = p.getInt("axis");
                int withBatch = (axis < 0 ? rank - 1 + axis : axis) + 1;
                int parts = p.getInt("parts");
                long[] sizes = new long[parts];
                java.util.Arrays.fill(sizes, inShapes.get(0).dim(withBatch - 1) / parts);
                yield List.of(b.ops("Split", List.of(x, b.int64s("split", sizes)), parts,
                        attr("axis", (long) withBatch)));
            }
            case "positional_encoding" -> List.of(positional(id, p, x, inShapes.get(0)));
            case "patch_embedding" -> List.of(patchEmbedding(id, p, x));
            case "class_token" -> List.of(classToken(id, x, inShapes.get(0)));
            case "multi_head_attention" -> attention(id, "", x, in.get(1), in.get(2), in.size() > 3 ? in.get(3) : null,
                    p.getInt("heads"), p.getInt("d_model"), p.getBool("causal"), p.getInt("padding_id"),
                    inShapes.get(0).dim(0), inShapes.get(1).dim(0));
            case "scaled_dot_product_attention" -> dotProduct(x, in.get(1), in.get(2), in.size() > 3 ? in.get(3) : null,
                    p.getBool("causal"), p.getInt("padding_id"), inShapes.get(0), inShapes.get(1));
            case "feed_forward" -> List.of(feedForward(id, "", x, p.getString("activation")));
            case "transformer_encoder_block" -> List.of(encoder(id, p, x, inShapes.get(0)));
            case "transformer_decoder_block" -> List.of(decoder(id, p, x, in.get(1), inShapes.get(0), inShapes.get(1)));
            case "rnn", "lstm", "gru" -> List.of(recurrent(id, type, p, x));
            case "gcn" -> List.of(gcn(id, p, x, in.get(1), inShapes.get(0).dim(0)));
            case "gat" -> List.of(gat(id, p, x, in.get(1), inShapes.get(0).dim(0)));
            case "message_passing" -> List.of(messagePassing(id, p, x, in.get(1)));
            case "graph_readout" -> List.of(readout(p, x, in.size() > 1 ? in.get(1) : null));
            default -> throw new ExportException("Layer '" + id + "' (" + type + ") cannot be exported to ONNX.");
        };
    }

    /** x·Wᵀ + b over the last axis (DJL's Linear): Gemm for a batch of vectors, MatMul and Add otherwise. */
    private String linear(String id, String prefix, String x, int rank, boolean bias) {
        if (rank == 2) {
            List<String> in = new ArrayList<>(List.of(x, init(id, prefix + "weight")));
            if (bias) {
                in.add(init(id, prefix + "bias"));
            }
            return b.op("Gemm", in, attr("transB", 1L));
        }
        String y = b.op("MatMul", List.of(x, initTransposed(id, prefix + "weight")));
        return bias ? b.op("Add", List.of(y, init(id, prefix + "bias"))) : y;
    }

    private String embedding(String id, LayerParams p, String x) {
        String ids = b.op("Cast", List.of(x), attr("to", (long) TensorProto.DataType.INT64_VALUE));
        String out = b.op("Gather", List.of(init(id, "weight"), ids), attr("axis", 0L));
        int paddingId = p.getInt("padding_id");
        if (paddingId >= 0) {
            String keep = b.op("Cast", List.of(b.op("Not", List.of(b.op("Equal", List.of(x,
                    b.scalar("padding_id", paddingId)))))), attr("to", (long) TensorProto.DataType.FLOAT_VALUE));
            out = b.op("Mul", List.of(out, b.op("Unsqueeze", List.of(keep, b.int64s("axes", -1)))));
        }
        return out;
    }

    /** The exact (erf) GELU that PyTorch uses: x·½·(1 + erf(x/√2)); opset 17 has no Gelu operator. */
    private String gelu(String x) {
        String erf = b.op("Erf", List.of(b.op("Div", List.of(x, b.scalar("sqrt2", (float) Math.sqrt(2))))));
        String half = b.op("Mul", List.of(x, b.scalar("half", 0.5f)));
        return b.op("Mul", List.of(half, b.op("Add", List.of(erf, b.scalar("one", 1f)))));
    }

    private String prelu(String id, LayerParams p, String x, int rank) {
        Tensor w = tensor(id, "weight");
        long[] dims = new long[rank - 1];
        java.util.Arrays.fill(dims, 1);
        if (p.getBool("per_channel")) {
            dims[0] = w.shape()[0];
        }
        return b.op("PRelu", List.of(x, b.floats("weight", dims, w.values())));
    }

    private String conv(String id, LayerParams p, String x, int spatial) {
        long k = p.getInt("kernel");
        long s = p.getInt("stride");
        long d = p.getInt("dilation");
        long pad = ConvolutionLayers.padding(p);
        List<String> in = new ArrayList<>(List.of(x, init(id, "weight")));
        if (p.getBool("bias")) {
            in.add(init(id, "bias"));
        }
        return b.op("Conv", in, ints("kernel_shape", repeat(k, spatial)), ints("strides", repeat(s, spatial)),
                ints("dilations", repeat(d, spatial)), ints("pads", repeat(pad, 2 * spatial)),
                attr("group", (long) p.getInt("groups")));
    }

    private String convTranspose(String id, LayerParams p, String x) {
        long k = p.getInt("kernel");
        List<String> in = new ArrayList<>(List.of(x, init(id, "weight")));
        if (p.getBool("bias")) {
            in.add(init(id, "bias"));
        }
        return b.op("ConvTranspose", in, ints("kernel_shape", k, k),
                ints("strides", p.getInt("stride"), p.getInt("stride")),
                ints("pads", repeat(p.getInt("pad"), 4)),
                ints("output_padding", p.getInt("output_padding"), p.getInt("output_padding")));
    }

    private String pool(String type, LayerParams p, String x) {
        int spatial = type.endsWith("2d") ? 2 : 1;
        long k = p.getInt("kernel");
        long s = p.getInt("stride");
        long pad = p.getInt("pad");
        if (type.startsWith("max")) {
            return b.op("MaxPool", List.of(x), ints("kernel_shape", repeat(k, spatial)),
                    ints("strides", repeat(s, spatial)), ints("pads", repeat(pad, 2 * spatial)));
        }
        // Padding counts as zeros in the average, as in our runner (PyTorch's count_include_pad).
        return b.op("AveragePool", List.of(x), ints("kernel_shape", repeat(k, spatial)),
                ints("strides", repeat(s, spatial)), ints("pads", repeat(pad, 2 * spatial)),
                attr("count_include_pad", 1L));
    }

    private String upsample(LayerParams p, String x) {
        float s = p.getInt("scale");
        String scales = b.floats("scales", new long[] {4}, new float[] {1f, 1f, s, s});
        if (p.getString("mode").equals("bilinear")) {
            return b.op("Resize", List.of(x, "", scales), attr("mode", "linear"),
                    attr("coordinate_transformation_mode", "half_pixel"));
        }
        return b.op("Resize", List.of(x, "", scales), attr("mode", "nearest"),
                attr("coordinate_transformation_mode", "asymmetric"), attr("nearest_mode", "floor"));
    }

    private String groupNorm(String id, LayerParams p, String x, Shape shape) {
        int groups = p.getInt("groups");
        String rows = b.op("Reshape", List.of(x, b.int64s("shape", 0, groups, -1)));
        String centred = b.op("Sub", List.of(rows, b.op("ReduceMean", List.of(rows), ints("axes", 2),
                attr("keepdims", 1L))));
        String variance = b.op("ReduceMean", List.of(b.op("Mul", List.of(centred, centred))), ints("axes", 2),
                attr("keepdims", 1L));
        String normed = b.op("Div", List.of(centred, b.op("Sqrt", List.of(b.op("Add", List.of(variance,
                b.scalar("epsilon", (float) p.getDouble("epsilon"))))))));
        long[] back = new long[shape.rank() + 1];
        long[] perChannel = new long[shape.rank()];
        java.util.Arrays.fill(perChannel, 1);
        perChannel[0] = shape.dim(0);
        for (int i = 0; i < shape.rank(); i++) {
            back[i + 1] = shape.dim(i);
        }
        String restored = b.op("Reshape", List.of(normed, b.int64s("shape", back)));
        Tensor w = tensor(id, "weight");
        Tensor bias = tensor(id, "bias");
        return b.op("Add", List.of(b.op("Mul", List.of(restored, b.floats("weight", perChannel, w.values()))),
                b.floats("bias", perChannel, bias.values())));
    }

    private String reshape(String x, int[] dims) {
        long[] shape = new long[dims.length + 1];
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = dims[i];
        }
        return b.op("Reshape", List.of(x, b.int64s("shape", shape)));
    }

    private String positional(String id, LayerParams p, String x, Shape in) {
        int steps = in.dim(0);
        int width = in.dim(1);
        if ("learned".equals(p.getString("kind"))) {
            String rows = b.op("Slice", List.of(init(id, "embedding"), b.int64s("starts", 0), b.int64s("ends", steps),
                    b.int64s("axes", 0)));
            return b.op("Add", List.of(x, rows));
        }
        return b.op("Add", List.of(x, b.floats("table", new long[] {steps, width},
                PositionalEncodingBlock.sinusoidal(steps, width))));
    }

    private String patchEmbedding(String id, LayerParams p, String x) {
        long k = p.getInt("patch");
        String y = b.op("Conv", List.of(x, init(id, "projection_weight"), init(id, "projection_bias")),
                ints("kernel_shape", k, k), ints("strides", k, k));
        String rows = b.op("Reshape", List.of(y, b.int64s("shape", 0, p.getInt("embed_dim"), -1)));
        return b.op("Transpose", List.of(rows), ints("perm", 0, 2, 1));
    }

    private String classToken(String id, String x, Shape in) {
        Tensor t = tensor(id, "token");
        String token = b.floats("token", new long[] {1, 1, in.dim(1)}, t.values());
        // The token repeated once per sample: Expand to (B, 1, D) with B read from the input.
        String batch = b.op("Slice", List.of(b.op("Shape", List.of(x)), b.int64s("starts", 0), b.int64s("ends", 1)));
        String shape = b.op("Concat", List.of(batch, b.int64s("rest", 1, in.dim(1))), attr("axis", 0L));
        return b.op("Concat", List.of(b.op("Expand", List.of(token, shape)), x), attr("axis", 1L));
    }

    /** Additive mask T_q×T_k: 0 where key j ≤ query i, {@link #MASKED} above the diagonal. */
    private String causalMask(long tq, long tk) {
        float[] v = new float[(int) (tq * tk)];
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tk; j++) {
                v[(int) (i * tk + j)] = j <= i ? 0f : MASKED;
            }
        }
        return b.floats("causal_mask", new long[] {tq, tk}, v);
    }

    /** {@link #MASKED} where a key's token id is the padding id, reshaped to broadcast against the scores. */
    private String paddingMask(String ids, int paddingId, long... shape) {
        String isPad = b.op("Cast", List.of(b.op("Equal", List.of(ids, b.scalar("padding_id", paddingId)))),
                attr("to", (long) TensorProto.DataType.FLOAT_VALUE));
        return b.op("Reshape", List.of(b.op("Mul", List.of(isPad, b.scalar("masked", MASKED))),
                b.int64s("shape", shape)));
    }

    /** softmax(Q·Kᵀ/√d + mask)·V with {@code kt} already transposed; returns the output and the weights. */
    private String[] attend(String q, String kt, String v, String mask, long dHead) {
        String scores = b.op("Mul", List.of(b.op("MatMul", List.of(q, kt)),
                b.scalar("scale", (float) (1.0 / Math.sqrt(dHead)))));
        if (mask != null) {
            scores = b.op("Add", List.of(scores, mask));
        }
        String weights = b.op("Softmax", List.of(scores), attr("axis", -1L));
        return new String[] {b.op("MatMul", List.of(weights, v)), weights};
    }

    private List<String> dotProduct(String q, String k, String v, String ids, boolean causal, int paddingId,
                                    Shape qShape, Shape kShape) {
        String mask = causal ? causalMask(qShape.dim(0), kShape.dim(0)) : null;
        if (ids != null) {
            String pad = paddingMask(ids, paddingId, 0, 1, kShape.dim(0));
            mask = mask == null ? pad : b.op("Add", List.of(pad, mask));
        }
        String kt = b.op("Transpose", List.of(k), ints("perm", 0, 2, 1));
        return List.of(attend(q, kt, v, mask, qShape.dim(1)));
    }

    /** Multi-head attention as our block computes it; {@code prefix} names a nested block's weights. */
    private List<String> attention(String id, String prefix, String xq, String xk, String xv, String ids, int heads,
                                   int dModel, boolean causal, int paddingId, long tq, long tk) {
        long dHead = dModel / heads;
        String q = b.op("Transpose", List.of(b.op("Reshape", List.of(linear(id, prefix + "query_", xq, 3, true),
                b.int64s("shape", 0, 0, heads, dHead)))), ints("perm", 0, 2, 1, 3));
        String kt = b.op("Transpose", List.of(b.op("Reshape", List.of(linear(id, prefix + "key_", xk, 3, true),
                b.int64s("shape", 0, 0, heads, dHead)))), ints("perm", 0, 2, 3, 1));
        String v = b.op("Transpose", List.of(b.op("Reshape", List.of(linear(id, prefix + "value_", xv, 3, true),
                b.int64s("shape", 0, 0, heads, dHead)))), ints("perm", 0, 2, 1, 3));
        String mask = causal ? causalMask(tq, tk) : null;
        if (ids != null) {
            String pad = paddingMask(ids, paddingId, 0, 1, 1, tk);
            mask = mask == null ? pad : b.op("Add", List.of(pad, mask));
        }
        String[] attended = attend(q, kt, v, mask, dHead);
        String joined = b.op("Reshape", List.of(b.op("Transpose", List.of(attended[0]), ints("perm", 0, 2, 1, 3)),
                b.int64s("shape", 0, 0, dModel)));
        return List.of(linear(id, prefix + "out_", joined, 3, true), attended[1]);
    }

    private String feedForward(String id, String prefix, String x, String activation) {
        String h = linear(id, prefix + "linear1_", x, 3, true);
        h = "gelu".equals(activation) ? gelu(h) : b.op("Relu", List.of(h));
        return linear(id, prefix + "linear2_", h, 3, true);
    }

    private String norm(String id, String name, String x) {
        return b.op("LayerNormalization", List.of(x, init(id, name + "_weight"), init(id, name + "_bias")),
                attr("axis", -1L), attr("epsilon", 1e-5f));
    }

    private String encoder(String id, LayerParams p, String x, Shape in) {
        int heads = p.getInt("heads");
        int d = p.getInt("d_model");
        long t = in.dim(0);
        String act = p.getString("activation");
        if (p.getBool("norm_first")) {
            String n = norm(id, "norm1", x);
            x = b.op("Add", List.of(x, attention(id, "self_attention_", n, n, n, null, heads, d, false, 0, t, t).get(0)));
            n = norm(id, "norm2", x);
            return b.op("Add", List.of(x, feedForward(id, "feed_forward_", n, act)));
        }
        String a = attention(id, "self_attention_", x, x, x, null, heads, d, false, 0, t, t).get(0);
        x = norm(id, "norm1", b.op("Add", List.of(x, a)));
        return norm(id, "norm2", b.op("Add", List.of(x, feedForward(id, "feed_forward_", x, act))));
    }

    private String decoder(String id, LayerParams p, String x, String memory, Shape in, Shape memShape) {
        int heads = p.getInt("heads");
        int d = p.getInt("d_model");
        boolean causal = p.getBool("causal");
        long t = in.dim(0);
        long tm = memShape.dim(0);
        String act = p.getString("activation");
        if (p.getBool("norm_first")) {
            String n = norm(id, "norm1", x);
            x = b.op("Add", List.of(x, attention(id, "self_attention_", n, n, n, null, heads, d, causal, 0, t, t)
                    .get(0)));
            n = norm(id, "norm2", x);
            x = b.op("Add", List.of(x, attention(id, "cross_attention_", n, memory, memory, null, heads, d, false, 0,
                    t, tm).get(0)));
            n = norm(id, "norm3", x);
            return b.op("Add", List.of(x, feedForward(id, "feed_forward_", n, act)));
        }
        String a = attention(id, "self_attention_", x, x, x, null, heads, d, causal, 0, t, t).get(0);
        x = norm(id, "norm1", b.op("Add", List.of(x, a)));
        String c = attention(id, "cross_attention_", x, memory, memory, null, heads, d, false, 0, t, tm).get(0);
        x = norm(id, "norm2", b.op("Add", List.of(x, c)));
        return norm(id, "norm3", b.op("Add", List.of(x, feedForward(id, "feed_forward_", x, act))));
    }

    /**
     * Stacked RNN, LSTM or GRU layers. ONNX's recurrent operators run time-major, so the sequence is transposed once
     * in and once out. PyTorch orders the gates i,f,g,o (LSTM) and r,z,n (GRU); ONNX wants i,o,f,c and z,r,h, and its
     * bias is the input bias followed by the recurrent bias, per direction.
     */
    private String recurrent(String id, String kind, LayerParams p, String x) {
        int hidden = p.getInt("hidden");
        int layers = p.getInt("layers");
        boolean both = p.getBool("bidirectional");
        int dirs = both ? 2 : 1;
        int[] order = switch (kind) {
            case "lstm" -> new int[] {0, 3, 1, 2};
            case "gru" -> new int[] {1, 0, 2};
            default -> new int[] {0};
        };
        String seq = b.op("Transpose", List.of(x), ints("perm", 1, 0, 2));
        String lastState = null;
        for (int l = 0; l < layers; l++) {
            List<String> directions = both ? List.of("forward", "backward") : List.of("forward");
            List<float[]> ws = new ArrayList<>();
            List<float[]> rs = new ArrayList<>();
            List<float[]> bs = new ArrayList<>();
            long inWidth = 0;
            for (String dir : directions) {
                String base = "l" + l + "_" + dir + "_l_0_";
                Tensor w = tensor(id, base + "i2h_WEIGHT");
                Tensor r = tensor(id, base + "h2h_WEIGHT");
                inWidth = w.shape()[1];
                ws.add(gates(w.values(), order, hidden, (int) inWidth));
                rs.add(gates(r.values(), order, hidden, hidden));
                float[] wb = gates(tensor(id, base + "i2h_BIAS").values(), order, hidden, 1);
                float[] rb = gates(tensor(id, base + "h2h_BIAS").values(), order, hidden, 1);
                float[] bias = new float[wb.length + rb.length];
                System.arraycopy(wb, 0, bias, 0, wb.length);
                System.arraycopy(rb, 0, bias, wb.length, rb.length);
                bs.add(bias);
            }
            long g = (long) order.length * hidden;
            String w = b.floats("l" + l + "_W", new long[] {dirs, g, inWidth}, concat(ws));
            String r = b.floats("l" + l + "_R", new long[] {dirs, g, hidden}, concat(rs));
            String bias = b.floats("l" + l + "_B", new long[] {dirs, 2 * g}, concat(bs));
            List<org.netwright.runner.export.onnx.proto.Onnx.AttributeProto> attrs = new ArrayList<>(List.of(
                    attr("hidden_size", (long) hidden), attr("direction", both ? "bidirectional" : "forward")));
            if (kind.equals("gru")) {
                attrs.add(attr("linear_before_reset", 1L));
            }
            if (kind.equals("rnn")) {
                String act = "relu".equals(p.getString("activation")) ? "Relu" : "Tanh";
                attrs.add(both ? OnnxBuilder.strings("activations", act, act) : OnnxBuilder.strings("activations", act));
            }
            String[] out = b.ops(kind.toUpperCase(), List.of(seq, w, r, bias), 2,
                    attrs.toArray(org.netwright.runner.export.onnx.proto.Onnx.AttributeProto[]::new));
            // Y is T×dirs×B×H: directions side by side per step, forward first, as our stack concatenates them.
            seq = b.op("Reshape", List.of(b.op("Transpose", List.of(out[0]), ints("perm", 0, 2, 1, 3)),
                    b.int64s("shape", 0, 0, -1)));
            lastState = out[1];
        }
        if (p.getBool("return_sequences")) {
            return b.op("Transpose", List.of(seq), ints("perm", 1, 0, 2));
        }
        // Y_h is dirs×B×H: the forward state after the last step and the backward state after the first.
        return b.op("Reshape", List.of(b.op("Transpose", List.of(lastState), ints("perm", 1, 0, 2)),
                b.int64s("shape", 0, -1)));
    }

    /** Reorders the gate blocks (each {@code hidden} rows of {@code width}) of a stacked weight or bias. */
    private static float[] gates(float[] v, int[] order, int hidden, int width) {
        float[] out = new float[v.length];
        int block = hidden * width;
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(v, order[i] * block, out, i * block, block);
        }
        return out;
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    private String eye(long n) {
        float[] v = new float[(int) (n * n)];
        for (int i = 0; i < n; i++) {
            v[(int) (i * n + i)] = 1f;
        }
        return b.floats("eye", new long[] {n, n}, v);
    }

    /** 1 where an adjacency entry is nonzero (an edge), else 0. */
    private String edges(String a) {
        return b.op("Cast", List.of(b.op("Not", List.of(b.op("Equal", List.of(a, b.scalar("zero", 0f)))))),
                attr("to", (long) TensorProto.DataType.FLOAT_VALUE));
    }

    private String gcn(String id, LayerParams p, String h, String a, long n) {
        String adj = p.getBool("self_loops") ? b.op("Add", List.of(a, eye(n))) : a;
        String degree = b.op("ReduceSum", List.of(adj, b.int64s("axes", 2)), attr("keepdims", 0L));
        String zero = b.scalar("zero", 0f);
        String root = b.op("Where", List.of(b.op("Greater", List.of(degree, zero)),
                b.op("Pow", List.of(b.op("Max", List.of(degree, b.scalar("tiny", 1e-30f))), b.scalar("power", -0.5f))),
                zero));
        String normed = b.op("Mul", List.of(b.op("Mul", List.of(b.op("Unsqueeze", List.of(root, b.int64s("axes", 2))),
                adj)), b.op("Unsqueeze", List.of(root, b.int64s("axes", 1)))));
        String out = b.op("MatMul", List.of(normed, b.op("MatMul", List.of(h, init(id, "weight")))));
        return p.getBool("bias") ? b.op("Add", List.of(out, init(id, "bias"))) : out;
    }

    private String gat(String id, LayerParams p, String h, String a, long n) {
        int heads = p.getInt("heads");
        int units = p.getInt("units");
        String wh = b.op("Transpose", List.of(b.op("Reshape", List.of(b.op("MatMul", List.of(h, init(id, "weight"))),
                b.int64s("shape", 0, 0, heads, units)))), ints("perm", 0, 2, 1, 3));
        Tensor attI = tensor(id, "att_i");
        Tensor attJ = tensor(id, "att_j");
        String scoreI = b.op("ReduceSum", List.of(b.op("Mul", List.of(wh, b.floats("att_i", new long[] {1, heads, 1,
                units}, attI.values()))), b.int64s("axes", 3)), attr("keepdims", 0L));
        String scoreJ = b.op("ReduceSum", List.of(b.op("Mul", List.of(wh, b.floats("att_j", new long[] {1, heads, 1,
                units}, attJ.values()))), b.int64s("axes", 3)), attr("keepdims", 0L));
        String e = b.op("LeakyRelu", List.of(b.op("Add", List.of(b.op("Unsqueeze", List.of(scoreI, b.int64s("axes", 3))),
                b.op("Unsqueeze", List.of(scoreJ, b.int64s("axes", 2)))))),
                attr("alpha", (float) p.getDouble("negative_slope")));
        String keep = b.op("Unsqueeze", List.of(edges(b.op("Add", List.of(a, eye(n)))), b.int64s("axes", 1)));
        String penalty = b.op("Mul", List.of(b.op("Sub", List.of(keep, b.scalar("one", 1f))), b.scalar("big", -MASKED)));
        String alpha = b.op("Softmax", List.of(b.op("Add", List.of(e, penalty))), attr("axis", -1L));
        String out = b.op("MatMul", List.of(alpha, wh));
        out = p.getString("combine").equals("concat")
                ? b.op("Reshape", List.of(b.op("Transpose", List.of(out), ints("perm", 0, 2, 1, 3)),
                        b.int64s("shape", 0, 0, (long) heads * units)))
                : b.op("ReduceMean", List.of(out), ints("axes", 1), attr("keepdims", 0L));
        return p.getBool("bias") ? b.op("Add", List.of(out, init(id, "bias"))) : out;
    }

    private String messagePassing(String id, LayerParams p, String h, String a) {
        String e = edges(a);
        String messages = b.op("MatMul", List.of(h, init(id, "message_weight")));
        String degree = b.op("ReduceSum", List.of(e, b.int64s("axes", 2)), attr("keepdims", 1L));
        String aggregated = switch (p.getString("aggregation")) {
            case "sum" -> b.op("MatMul", List.of(e, messages));
            case "mean" -> b.op("Div", List.of(b.op("MatMul", List.of(e, messages)),
                    b.op("Max", List.of(degree, b.scalar("one", 1f)))));
            default -> {
                String candidates = b.op("Add", List.of(b.op("Unsqueeze", List.of(messages, b.int64s("axes", 1))),
                        b.op("Mul", List.of(b.op("Sub", List.of(b.op("Unsqueeze", List.of(e, b.int64s("axes", 3))),
                                b.scalar("one", 1f))), b.scalar("big", -MASKED)))));
                String any = b.op("Cast", List.of(b.op("Greater", List.of(degree, b.scalar("zero", 0f)))),
                        attr("to", (long) TensorProto.DataType.FLOAT_VALUE));
                yield b.op("Mul", List.of(b.op("ReduceMax", List.of(candidates), ints("axes", 2),
                        attr("keepdims", 0L)), any));
            }
        };
        String out = b.op("Add", List.of(b.op("MatMul", List.of(h, init(id, "self_weight"))), aggregated));
        if (p.getBool("bias")) {
            out = b.op("Add", List.of(out, init(id, "bias")));
        }
        return switch (p.getString("activation")) {
            case "relu" -> b.op("Relu", List.of(out));
            case "tanh" -> b.op("Tanh", List.of(out));
            default -> out;
        };
    }

    private String readout(LayerParams p, String h, String mask) {
        String mode = p.getString("mode");
        if (mask == null || !p.getBool("masked")) {
            String op = switch (mode) {
                case "sum" -> "ReduceSum";
                case "max" -> "ReduceMax";
                default -> "ReduceMean";
            };
            return op.equals("ReduceSum")
                    ? b.op(op, List.of(h, b.int64s("axes", 1)), attr("keepdims", 0L))
                    : b.op(op, List.of(h), ints("axes", 1), attr("keepdims", 0L));
        }
        String m = b.op("Unsqueeze", List.of(mask, b.int64s("axes", -1)));
        String count = b.op("ReduceSum", List.of(m, b.int64s("axes", 1)), attr("keepdims", 0L));
        String sum = b.op("ReduceSum", List.of(b.op("Mul", List.of(h, m)), b.int64s("axes", 1)), attr("keepdims", 0L));
        return switch (mode) {
            case "sum" -> sum;
            case "max" -> {
                String any = b.op("Cast", List.of(b.op("Greater", List.of(count, b.scalar("zero", 0f)))),
                        attr("to", (long) TensorProto.DataType.FLOAT_VALUE));
                String floor = b.op("Mul", List.of(b.op("Sub", List.of(m, b.scalar("one", 1f))), b.scalar("big", 1e9f)));
                yield b.op("Mul", List.of(b.op("ReduceMax", List.of(b.op("Add", List.of(h, floor))), ints("axes", 1),
                        attr("keepdims", 0L)), any));
            }
            default -> b.op("Div", List.of(sum, b.op("Max", List.of(count, b.scalar("one", 1f)))));
        };
    }

    private static long[] repeat(long v, int n) {
        long[] out = new long[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
