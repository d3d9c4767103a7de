package org.netwright.runner.export.onnx;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.GraphEditException;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.json.GraphFormatException;
import org.netwright.model.json.GraphJson;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompileException;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.export.onnx.proto.Onnx.AttributeProto;
import org.netwright.runner.export.onnx.proto.Onnx.GraphProto;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.export.onnx.proto.Onnx.NodeProto;
import org.netwright.runner.export.onnx.proto.Onnx.StringStringEntryProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorShapeProto;
import org.netwright.runner.export.onnx.proto.Onnx.ValueInfoProto;

/**
 * Turns an ONNX model into our graph and a checkpoint of its weights. Operators map onto catalog layers one by one
 * (Gemm or MatMul+Add to Dense, Conv, pooling, normalization, activations, Flatten, Reshape, Transpose, Add, Concat);
 * a model written by our own export also marks which ONNX nodes form each of our layers, so composite layers
 * (Transformer blocks, recurrent stacks, graph layers) come back whole. Every operator that maps nowhere is listed by
 * node name and type, and then nothing is returned.
 */
public final class OnnxImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECURRENT = Pattern.compile("l(\\d+)_([WRB])");
    private static final Pattern ID_CHARS = Pattern.compile("[^\\p{L}\\p{N}_.\\-]");
    /** The batch size in a folded shape value: known to be there, not known in size. */
    private static final long BATCH = Long.MIN_VALUE;
    private static final int PER_ROW = 5;

    /** The imported graph, its weights as a checkpoint, and its parameter count. */
    public record Imported(Graph graph, byte[] checkpoint, long parameters) {
    }

    private final OnnxModelReader reader;
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, PortRef> producer = new HashMap<>();
    private final Map<String, Integer> uses = new HashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, Map<String, float[]>> weights = new HashMap<>();
    private final List<String> unsupported = new ArrayList<>();
    private final Set<String> pooled = new HashSet<>();
    private final Map<String, String> denseWithoutBias = new HashMap<>();
    private final Map<String, String> idsByLayer = new HashMap<>();
    /** Values that only compute shapes (PyTorch's zero initial states are built from the input's shape). */
    /**
     * Values computed from shapes (Shape and the integer arithmetic PyTorch's exporter writes around it, e.g. for
     * {@code x.view(x.size(0), -1)}), folded to constants where the sizes are known: the batch size is
     * {@link #BATCH}; null where a value could not be folded.
     */
    private final Map<String, long[]> shapeValues = new HashMap<>();
    /** Input layers of token ids (value name to layer id) and those an embedding reads. */
    private final Map<String, String> tokenInputs = new LinkedHashMap<>();
    private final Set<String> embedded = new HashSet<>();
    private final Set<String> zeroStates = new HashSet<>();
    /** A batch-first sequence turned time-major for an ONNX recurrent operator: value -> the sequence's value. */
    private final Map<String, String> timeMajor = new HashMap<>();
    /** A recurrent operator's Y (T×dirs×B×H), its Y_h (dirs×B×H), and Y as T×B×(dirs·H): value -> our layer. */
    private final Map<String, String> recurrentY = new HashMap<>();
    private final Map<String, String> recurrentYh = new HashMap<>();
    private final Map<String, String> recurrentYSwapped = new HashMap<>();
    private final Map<String, String> recurrentSequence = new HashMap<>();
    /** Batch-first outputs of recurrent layers, and which layers give their whole sequence or their final state. */
    private final Map<String, String> sequenceOut = new HashMap<>();
    private final Set<String> sequenceUsed = new HashSet<>();
    private final Set<String> finalUsed = new HashSet<>();

    private OnnxImporter(OnnxModelReader reader) {
        this.reader = reader;
    }

    /**
     * Imports {@code model}, reading external data through {@code reader}.
     *
     * @throws OnnxImportException listing the unsupported operators, or saying what else is wrong
     */
    public static Imported importModel(ModelProto model, OnnxModelReader reader) {
        try {
            return new OnnxImporter(reader).run(model.getGraph());
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            // A malformed model can break a layer's own checks (a setting out of range, an input list too short).
            throw new OnnxImportException("the model cannot be imported: " + e.getMessage());
        }
    }

    private Imported run(GraphProto g) {
        for (TensorProto t : g.getInitializerList()) {
            constants.put(t.getName(), t);
        }
        for (NodeProto n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                uses.merge(in, 1, Integer::sum);
            }
        }
        for (ValueInfoProto out : g.getOutputList()) {
            uses.merge(out.getName(), 1, Integer::sum);
        }
        inputs(g);
        List<NodeProto> list = g.getNodeList();
        for (int i = 0; i < list.size(); ) {
            NodeProto n = list.get(i);
            Optional<String> layer = meta(n.getMetadataPropsList(), OnnxWriter.LAYER_KEY);
            if (layer.isPresent()) {
                int end = i + 1;
                while (end < list.size() && layer.equals(meta(list.get(end).getMetadataPropsList(),
                        OnnxWriter.LAYER_KEY))) {
                    end++;
                }
                ourLayer(layer.get(), list.subList(i, end));
                i = end;
            } else {
                operator(n);
                i++;
            }
        }
        for (Map.Entry<String, String> t : tokenInputs.entrySet()) {
            if (g.getInputList().stream().anyMatch(v -> v.getName().equals(t.getKey())) && !embedded.contains(t.getValue())) {
                unsupported.add("input '" + t.getKey() + "' (integer ids that no embedding reads)");
            }
        }
        if (!unsupported.isEmpty()) {
            int shown = Math.min(8, unsupported.size());
            throw new OnnxImportException(unsupported.size() + " operator(s) cannot be imported: "
                    + String.join(", ", unsupported.subList(0, shown))
                    + (unsupported.size() > shown ? " and " + (unsupported.size() - shown) + " more" : "")
                    + "; nothing was written");
        }
        for (ValueInfoProto out : g.getOutputList()) {
            if (!producer.containsKey(out.getName())) {
                throw new OnnxImportException("the model's output '" + out.getName() + "' is computed by nothing"
                        + " this importer understood");
            }
        }
        for (String id : new ArrayList<>(recurrentLayers())) {
            if (finalUsed.contains(id) && sequenceUsed.contains(id)) {
                throw new OnnxImportException("recurrent layer '" + id + "' is read both as a whole sequence and at"
                        + " its last step, which one layer of ours cannot give");
            }
            nodes.put(id, nodes.get(id).withParam("return_sequences", !finalUsed.contains(id)));
        }
        nameOutputs(g);
        Graph graph = graph();
        GraphShapes shapes = ShapeInference.infer(graph);
        if (!shapes.isValid()) {
            throw new OnnxImportException("the imported layers do not fit together: " + shapes.problems().get(0));
        }
        // The layers are sized from the model's declared shapes; weights are only allocated for them once the model
        // is known to hold that many values, so a forged shape cannot make us allocate without bound.
        long held = weights.values().stream().flatMap(m -> m.values().stream()).mapToLong(v -> v.length).sum();
        if (shapes.totalParams() > held) {
            throw new OnnxImportException("the imported layers need " + shapes.totalParams() + " weights but the model"
                    + " holds " + held);
        }
        return checkpoint(graph);
    }

    // ---- inputs --------------------------------------------------------------------------------------------

    private void inputs(GraphProto g) {
        Map<String, List<ValueInfoProto>> ours = new LinkedHashMap<>();
        for (ValueInfoProto v : g.getInputList()) {
            if (constants.containsKey(v.getName())) {
                continue;
            }
            Optional<String> layer = meta(v.getMetadataPropsList(), OnnxWriter.LAYER_KEY);
            if (layer.isPresent()) {
                ours.computeIfAbsent(layer.get(), k -> new ArrayList<>()).add(v);
            } else {
                plainInput(v);
            }
        }
        for (Map.Entry<String, List<ValueInfoProto>> e : ours.entrySet()) {
            JsonNode description = description(e.getKey(), meta(e.getValue().get(0).getMetadataPropsList(),
                    OnnxWriter.DESCRIPTION_KEY));
            Node node = describedNode(e.getKey(), description);
            Set<String> names = new HashSet<>();
            e.getValue().forEach(v -> names.add(v.getName()));
            description.path("outputs").fields().forEachRemaining(port -> {
                if (!names.contains(port.getValue().asText())) {
                    throw new OnnxImportException("input layer '" + e.getKey() + "' names a graph input '"
                            + port.getValue().asText() + "' that the model does not have");
                }
                producer.put(port.getValue().asText(), new PortRef(node.id(), port.getKey()));
            });
        }
    }

    private void plainInput(ValueInfoProto v) {
        int elements = v.getType().hasTensorType() ? v.getType().getTensorType().getElemType() : -1;
        boolean ids = elements == TensorProto.DataType.INT64_VALUE || elements == TensorProto.DataType.INT32_VALUE;
        if (elements != TensorProto.DataType.FLOAT_VALUE && !ids) {
            unsupported.add("input '" + v.getName() + "' (not a float32 tensor, nor integer token ids)");
            return;
        }
        List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < dims.size(); i++) {
            long d = dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : -1;
            if (d < 1 || d > Integer.MAX_VALUE) {
                unsupported.add("input '" + v.getName() + "' (axis " + i + " has no fixed size)");
                return;
            }
            sizes.add((int) d);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (ids) {
            if (sizes.size() != 1) {
                unsupported.add("input '" + v.getName() + "' (integer ids with " + dims.size() + " axes; token ids"
                        + " come as batch × length)");
                return;
            }
            // The vocabulary is the row count of the embedding that reads the ids, set when it is met.
            params.put("length", sizes.get(0));
            params.put("vocabulary", 2);
            String id = add(v.getName(), "token_input", params);
            producer.put(v.getName(), new PortRef(id, "out"));
            tokenInputs.put(v.getName(), id);
            return;
        }
        String type;
        switch (sizes.size()) {
            case 1 -> {
                type = "vector_input";
                params.put("features", sizes.get(0));
            }
            case 2 -> {
                type = "sequence_input";
                params.put("steps", sizes.get(0));
                params.put("features", sizes.get(1));
            }
            case 3 -> {
                type = "image_input";
                params.put("channels", sizes.get(0));
                params.put("height", sizes.get(1));
                params.put("width", sizes.get(2));
            }
            default -> {
                unsupported.add("input '" + v.getName() + "' (" + dims.size() + " axes; 2 to 4 with the batch first"
                        + " are supported)");
                return;
            }
        }
        String id = add(v.getName(), type, params);
        producer.put(v.getName(), new PortRef(id, "out"));
    }

    // ---- our own layers ------------------------------------------------------------------------------------

    private void ourLayer(String layerId, List<NodeProto> group) {
        JsonNode description = description(layerId, meta(group.get(0).getMetadataPropsList(),
                OnnxWriter.DESCRIPTION_KEY));
        Set<String> produced = new HashSet<>();
        group.forEach(n -> produced.addAll(n.getOutputList()));
        Map<String, PortRef> inputs = new LinkedHashMap<>();
        var fields = description.path("inputs").fields();
        while (fields.hasNext()) {
            var port = fields.next();
            PortRef from = producer.get(port.getValue().asText());
            if (from == null) {
                throw new OnnxImportException("layer '" + layerId + "' reads '" + port.getValue().asText()
                        + "', which no earlier node of the model computes");
            }
            inputs.put(port.getKey(), from);
        }
        Node node = describedNode(layerId, description);
        inputs.forEach((port, from) -> edges.add(new Edge(from, new PortRef(node.id(), port))));
        description.path("outputs").fields().forEachRemaining(port -> {
            if (!produced.contains(port.getValue().asText())) {
                throw new OnnxImportException("layer '" + layerId + "' claims output '" + port.getValue().asText()
                        + "', which none of its nodes computes");
            }
            producer.put(port.getValue().asText(), new PortRef(node.id(), port.getKey()));
        });
        LayerSpec spec = catalog.require(node.type());
        LayerParams params = spec.resolve(node.params());
        String prefix = layerId + "/";
        Map<String, float[]> mine = weights.computeIfAbsent(node.id(), k -> new HashMap<>());
        for (NodeProto n : group) {
            for (String in : n.getInputList()) {
                TensorProto t = constants.get(in);
                if (t == null || !in.startsWith(prefix) || t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                    continue;
                }
                String name = in.substring(prefix.length());
                Matcher recurrent = RECURRENT.matcher(name);
                if (recurrent.matches() && List.of("lstm", "gru", "rnn").contains(node.type())) {
                    recurrentWeights(node.type(), params, Integer.parseInt(recurrent.group(1)), recurrent.group(2),
                            t, mine);
                } else if (name.endsWith("_t") && t.getDimsCount() == 2) {
                    mine.put(name.substring(0, name.length() - 2), transpose(reader.floats(t), t.getDims(0),
                            t.getDims(1)));
                } else {
                    mine.put(name, reader.floats(t));
                }
            }
        }
    }

    /** Undoes the export's gate reordering and direction stacking of one recurrent layer's W, R or B. */
    private void recurrentWeights(String type, LayerParams p, int layer, String which, TensorProto t,
                                  Map<String, float[]> into) {
        int hidden = p.getInt("hidden");
        int[] order = switch (type) {
            case "lstm" -> new int[] {0, 3, 1, 2};
            case "gru" -> new int[] {1, 0, 2};
            default -> new int[] {0};
        };
        int dirs = p.getBool("bidirectional") ? 2 : 1;
        float[] v = reader.floats(t);
        if (v.length % dirs != 0) {
            throw new OnnxImportException("recurrent weight '" + t.getName() + "' does not split into " + dirs
                    + " direction(s)");
        }
        int per = v.length / dirs;
        for (int d = 0; d < dirs; d++) {
            String base = "l" + layer + "_" + (d == 0 ? "forward" : "backward") + "_l_0_";
            float[] part = java.util.Arrays.copyOfRange(v, d * per, (d + 1) * per);
            switch (which) {
                case "W" -> into.put(base + "i2h_WEIGHT", ungate(part, order, hidden));
                case "R" -> into.put(base + "h2h_WEIGHT", ungate(part, order, hidden));
                default -> {
                    int half = part.length / 2;
                    into.put(base + "i2h_BIAS", ungate(java.util.Arrays.copyOfRange(part, 0, half), order, hidden));
                    into.put(base + "h2h_BIAS", ungate(java.util.Arrays.copyOfRange(part, half, part.length), order,
                            hidden));
                }
            }
        }
    }

    private static float[] ungate(float[] v, int[] order, int hidden) {
        if (v.length % order.length != 0) {
            throw new OnnxImportException("a recurrent weight does not split into " + order.length + " gates");
        }
        int block = v.length / order.length;
        float[] out = new float[v.length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(v, i * block, out, order[i] * block, block);
        }
        return out;
    }

    private JsonNode description(String layerId, Optional<String> text) {
        if (text.isEmpty()) {
            throw new OnnxImportException("layer '" + layerId + "' is marked as one of ours but carries no"
                    + " description");
        }
        try {
            JsonNode d = JSON.readTree(text.get());
            if (d == null || !d.path("node").isTextual()) {
                throw new OnnxImportException("layer '" + layerId + "' has a description without its node");
            }
            return d;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OnnxImportException("layer '" + layerId + "' has a description that is not JSON");
        }
    }

    private Node describedNode(String layerId, JsonNode description) {
        Graph one;
        try {
            one = GraphJson.read(description.path("node").asText());
        } catch (GraphFormatException e) {
            throw new OnnxImportException("layer '" + layerId + "' has a description that is not a layer: "
                    + e.getMessage());
        }
        if (one.nodes().size() != 1) {
            throw new OnnxImportException("layer '" + layerId + "' describes " + one.nodes().size() + " layers");
        }
        Node n = one.nodes().values().iterator().next();
        if (catalog.find(n.type()).isEmpty() || n.type().startsWith("composite")) {
            throw new OnnxImportException("layer '" + layerId + "' has the unknown type '" + n.type() + "'");
        }
        String id = add(layerId, n.type(), n.params());
        idsByLayer.put(layerId, id);
        return nodes.get(id);
    }

    // ---- ONNX operators from elsewhere ---------------------------------------------------------------------

    private void operator(NodeProto n) {
        String op = n.getOpType();
        String label = "'" + (n.getName().isEmpty() ? String.join(",", n.getOutputList()) : n.getName()) + "' ("
                + op + ")";
        if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
            unsupported.add(label + " from domain " + n.getDomain());
            return;
        }
        if (sequenceOperator(n, label)) {
            return;
        }
        if (op.equals("Constant")) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.getName().equals("value") && a.hasT() && n.getOutputCount() == 1) {
                    constants.put(n.getOutput(0), a.getT());
                    return;
                }
            }
            unsupported.add(label + " without a tensor value");
            return;
        }
        List<String> activations = new ArrayList<>();
        List<String> consts = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (String in : n.getInputList()) {
            if (in.isEmpty()) {
                continue;
            }
            if (constants.containsKey(in)) {
                consts.add(in);
            } else if (shapeValues.containsKey(in)) {
                shapes.add(in);
            } else if (producer.containsKey(in)) {
                activations.add(in);
            } else {
                unsupported.add(label + " reading '" + in + "', which nothing understood computes");
                return;
            }
        }
        if (n.getOutputCount() == 0) {
            unsupported.add(label + " with no output");
            return;
        }
        String out = n.getOutput(0);
        boolean readsPooled = activations.stream().anyMatch(pooled::contains);
        if (readsPooled && !op.equals("Flatten") && !op.equals("Reshape")) {
            unsupported.add(label + " reading a global pooling's output before it is flattened");
            return;
        }
        String why = switch (op) {
            case "Identity", "Dropout" -> alias(activations, out, true);
            case "Gemm" -> gemm(n, activations, out);
            case "MatMul" -> matMul(n, activations, consts, out);
            case "Add" -> add(n, activations, consts, out);
            case "Mul" -> merge("multiply", n, activations, consts, out);
            case "Concat" -> concat(n, activations, consts, out);
            case "Conv" -> conv(n, activations, out);
            case "ConvTranspose" -> convTranspose(n, activations, out);
            case "MaxPool", "AveragePool" -> pool(n, activations, out);
            case "GlobalAveragePool", "GlobalMaxPool" -> globalPool(n, activations, out);
            case "BatchNormalization" -> batchNorm(n, activations, out);
            case "LayerNormalization" -> layerNorm(n, activations, out);
            case "Relu" -> simple("relu", Map.of(), activations, out);
            case "Sigmoid" -> simple("sigmoid", Map.of(), activations, out);
            case "Tanh" -> simple("tanh", Map.of(), activations, out);
            case "LeakyRelu" -> simple("leaky_relu", Map.of("slope", (double) attrFloat(n, "alpha", 0.01f)),
                    activations, out);
            case "Elu" -> simple("elu", Map.of("alpha", (double) attrFloat(n, "alpha", 1f)), activations, out);
            case "Selu" -> Math.abs(attrFloat(n, "alpha", 1.6732632f) - 1.6732632f) > 1e-5
                    || Math.abs(attrFloat(n, "gamma", 1.0507010f) - 1.0507010f) > 1e-5
                    ? "has alpha and gamma other than SELU's standard ones" : simple("selu", Map.of(), activations, out);
            case "Gelu" -> attrString(n, "approximate", "none").equals("none")
                    ? simple("gelu", Map.of(), activations, out) : "uses the tanh approximation";
            case "Softmax" -> attrInt(n, "axis", -1) == -1 ? simple("softmax", Map.of(), activations, out)
                    : "works on an axis other than the last";
            case "LogSoftmax" -> attrInt(n, "axis", -1) == -1 ? simple("log_softmax", Map.of(), activations, out)
                    : "works on an axis other than the last";
            case "Flatten" -> readsPooled ? alias(activations, out, false)
                    : attrInt(n, "axis", 1) == 1 ? simple("flatten", Map.of(), activations, out)
                    : "flattens from an axis other than 1";
            case "Reshape" -> reshape(activations, consts, shapes, out, readsPooled);
            case "Gather" -> gather(n, activations, consts, out);
            case "Cast" -> activations.size() == 1 && tokenInputs.containsKey(activations.get(0))
                    ? tokenAlias(activations.get(0), out) : "converts a computed value's type";
            case "Transpose" -> transpose(n, activations, out);
            default -> "has no matching layer";
        };
        if (why != null) {
            unsupported.add(label + " " + why);
        }
    }

    /** {@code out} is the value of the first input; a flatten after global pooling also drops the pooled mark. */
    private List<String> recurrentLayers() {
        return nodes.values().stream().filter(n -> List.of("lstm", "gru", "rnn").contains(n.type())
                && weights.containsKey(n.id()) && !idsByLayer.containsValue(n.id())).map(Node::id).toList();
    }

    /**
     * The operators around an ONNX recurrent operator as PyTorch writes them: the sequence turned time-major, zero
     * initial states computed from its shape, Y squeezed (or for two directions transposed and reshaped) and turned
     * back batch-first, and the last step taken with Gather. Returns whether the node was one of these (mapped, or
     * listed as unsupported).
     */
    private boolean sequenceOperator(NodeProto n, String label) {
        String op = n.getOpType();
        List<String> in = n.getInputList().stream().filter(s -> !s.isEmpty()).toList();
        if (n.getOutputCount() == 0 || in.isEmpty()) {
            return false;
        }
        String out = n.getOutput(0);
        String first = in.get(0);
        if (op.equals("Shape") && producer.containsKey(first)) {
            shapeValues.put(out, shapeOf(first, attrInt(n, "start", 0), hasAttr(n, "end") ? attrInt(n, "end", 0)
                    : Long.MAX_VALUE));
            return true;
        }
        boolean fromShapes = in.stream().anyMatch(shapeValues::containsKey)
                && in.stream().allMatch(v -> shapeValues.containsKey(v) || constants.containsKey(v));
        if (fromShapes && ShapeFolding.OPERATORS.contains(op)) {
            List<long[]> values = new ArrayList<>();
            for (String v : in) {
                values.add(shapeValues.containsKey(v) ? shapeValues.get(v) : integers(constants.get(v)));
            }
            long[] folded = values.contains(null) ? null : ShapeFolding.fold(op, values, attrInt(n, "axis", 0),
                    attrInts(n, "axes", 0, 0));
            for (String o : n.getOutputList()) {
                shapeValues.put(o, folded);
            }
            return true;
        }
        boolean ofZeros = zeroStates.contains(first) && in.subList(1, in.size()).stream().allMatch(constants::containsKey);
        if (ofZeros && List.of("Slice", "Gather", "Reshape", "Unsqueeze", "Squeeze").contains(op)) {
            // A part of a zero state (one layer's slice of PyTorch's stacked initial states) is zeros too.
            zeroStates.add(out);
            return true;
        }
        if (op.equals("ConstantOfShape") && shapeValues.containsKey(first)) {
            Optional<AttributeProto> value = attribute(n, "value");
            boolean zero = value.isEmpty() || value.get().getT().getDataType() != TensorProto.DataType.FLOAT_VALUE
                    || allZero(reader.floats(value.get().getT()));
            if (!zero) {
                unsupported.add(label + " fills with a value other than zero");
            }
            zeroStates.add(out);
            return true;
        }
        List<Long> perm = attrInts(n, "perm", 0, 0);
        if (op.equals("Transpose") && perm.equals(List.of(1L, 0L, 2L)) && recurrentSequence.containsKey(first)) {
            String id = recurrentSequence.get(first);
            producer.put(out, new PortRef(id, "out"));
            sequenceOut.put(out, id);
            sequenceUsed.add(id);
            return true;
        }
        if (op.equals("Transpose") && perm.equals(List.of(1L, 0L, 2L)) && producer.containsKey(first)) {
            timeMajor.put(out, first);
            return true;
        }
        if (List.of("LSTM", "GRU", "RNN").contains(op)) {
            String why = recurrent(n, out);
            if (why != null) {
                unsupported.add(label + " " + why);
            }
            return true;
        }
        if (op.equals("Squeeze") && (recurrentY.containsKey(first) || recurrentYh.containsKey(first))) {
            List<Long> axes = in.size() > 1 && constants.containsKey(in.get(1))
                    ? java.util.Arrays.stream(reader.int64s(constants.get(in.get(1)))).boxed().toList()
                    : attrInts(n, "axes", 0, 0);
            boolean y = recurrentY.containsKey(first);
            String id = y ? recurrentY.get(first) : recurrentYh.get(first);
            boolean oneWay = !Boolean.TRUE.equals(nodes.get(id).params().get("bidirectional"));
            if (!oneWay || !axes.equals(List.of(y ? 1L : 0L))) {
                unsupported.add(label + " squeezes a recurrent output in a way our layer does not give");
            } else if (y) {
                recurrentSequence.put(out, id);
            } else {
                producer.put(out, new PortRef(id, "out"));
                finalUsed.add(id);
            }
            return true;
        }
        if (op.equals("Transpose") && recurrentY.containsKey(first)) {
            if (!perm.equals(List.of(0L, 2L, 1L, 3L))) {
                unsupported.add(label + " reorders a recurrent output in a way our layer does not give");
            } else {
                recurrentYSwapped.put(out, recurrentY.get(first));
            }
            return true;
        }
        if (op.equals("Reshape") && recurrentYSwapped.containsKey(first)) {
            long[] shape = in.size() > 1 && constants.containsKey(in.get(1)) ? reader.int64s(constants.get(in.get(1)))
                    : new long[0];
            if (!java.util.Arrays.equals(shape, new long[] {0, 0, -1})) {
                unsupported.add(label + " reshapes a recurrent output in a way our layer does not give");
            } else {
                recurrentSequence.put(out, recurrentYSwapped.get(first));
            }
            return true;
        }
        if (op.equals("Gather") && sequenceOut.containsKey(first) && in.size() == 2 && constants.containsKey(in.get(1))
                && attrInt(n, "axis", 0) == 1) {
            String id = sequenceOut.get(first);
            long[] index = reader.int64s(constants.get(in.get(1)));
            boolean oneWay = !Boolean.TRUE.equals(nodes.get(id).params().get("bidirectional"));
            long steps = ((Number) nodes.get(id).params().getOrDefault("steps", -1)).longValue();
            if (!oneWay || index.length != 1 || (index[0] != -1 && index[0] != steps - 1)
                    || constants.get(in.get(1)).getDimsCount() != 0 || uses.getOrDefault(first, 0) != 1) {
                unsupported.add(label + " takes a step of a recurrent output other than the last of a one-way layer");
            } else {
                sequenceUsed.remove(id);
                finalUsed.add(id);
                producer.put(out, new PortRef(id, "out"));
            }
            return true;
        }
        return false;
    }

    private static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0f) {
                return false;
            }
        }
        return true;
    }

    /** An ONNX LSTM, GRU or RNN as one of our recurrent layers (one layer, PyTorch's gates), or why it cannot be. */
    private String recurrent(NodeProto n, String out) {
        String op = n.getOpType();
        String type = op.toLowerCase();
        List<String> in = n.getInputList();
        if (in.isEmpty() || !(timeMajor.containsKey(in.get(0)) || recurrentSequence.containsKey(in.get(0)))) {
            return "reads a sequence that is not a batch-first sequence turned time-major";
        }
        for (int i = 1; i < Math.min(in.size(), 4); i++) {
            if (!in.get(i).isEmpty() && !constants.containsKey(in.get(i))) {
                return "takes computed weights";
            }
        }
        if (in.size() < 3 || in.get(1).isEmpty() || in.get(2).isEmpty()) {
            return "has no weights";
        }
        if (in.size() > 4 && !in.get(4).isEmpty()) {
            return "takes sequence lengths";
        }
        for (int i = 5; i < in.size(); i++) {
            if (!in.get(i).isEmpty() && (i == 7 || !zeroStates.contains(in.get(i)))) {
                return i == 7 ? "has peephole weights" : "starts from a state other than zeros";
            }
        }
        String direction = attrString(n, "direction", "forward");
        if (!direction.equals("forward") && !direction.equals("bidirectional")) {
            return "runs in direction " + direction;
        }
        if (attrInt(n, "layout", 0) != 0 || hasAttr(n, "clip") || attrInt(n, "input_forget", 0) != 0) {
            return "uses layout, clip or input_forget";
        }
        if (op.equals("GRU") && attrInt(n, "linear_before_reset", 0) != 1) {
            return "applies its reset gate before the linear map (linear_before_reset=0), unlike PyTorch and our GRU";
        }
        boolean both = direction.equals("bidirectional");
        String activation = "tanh";
        List<String> acts = attribute(n, "activations").map(a -> a.getStringsList().stream()
                .map(com.google.protobuf.ByteString::toStringUtf8).toList()).orElse(List.of());
        List<String> standard = switch (op) {
            case "LSTM" -> List.of("Sigmoid", "Tanh", "Tanh");
            case "GRU" -> List.of("Sigmoid", "Tanh");
            default -> List.of("Tanh");
        };
        if (op.equals("RNN") && !acts.isEmpty() && acts.get(0).equals("Relu")) {
            activation = "relu";
            standard = List.of("Relu");
        }
        for (int i = 0; i < acts.size(); i++) {
            if (!acts.get(i).equals(standard.get(i % standard.size()))) {
                return "uses the activations " + acts;
            }
        }
        long hidden = attrInt(n, "hidden_size", 0);
        TensorProto w = constants.get(in.get(1));
        if (hidden < 1 || hidden > 65536 || w.getDimsCount() != 3) {
            return "has no usable hidden_size or weights";
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("hidden", (int) hidden);
        params.put("bidirectional", both);
        if (op.equals("RNN")) {
            params.put("activation", activation);
        }
        String id = add(out, type, params);
        String source = in.get(0);
        if (recurrentSequence.containsKey(source)) {
            String below = recurrentSequence.get(source);
            edges.add(new Edge(new PortRef(below, "out"), new PortRef(id, "in")));
            sequenceUsed.add(below);
        } else {
            connect(timeMajor.get(source), id, "in");
        }
        LayerParams resolved = catalog.require(type).resolve(params);
        Map<String, float[]> mine = weights.computeIfAbsent(id, k -> new HashMap<>());
        recurrentWeights(type, resolved, 0, "W", w, mine);
        recurrentWeights(type, resolved, 0, "R", constants.get(in.get(2)), mine);
        if (in.size() > 3 && !in.get(3).isEmpty()) {
            recurrentWeights(type, resolved, 0, "B", constants.get(in.get(3)), mine);
        } else {
            int size = (int) (w.getDims(1));
            for (String dir : both ? List.of("forward", "backward") : List.of("forward")) {
                mine.put("l0_" + dir + "_l_0_i2h_BIAS", new float[size]);
                mine.put("l0_" + dir + "_l_0_h2h_BIAS", new float[size]);
            }
        }
        recurrentY.put(out, id);
        if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
            recurrentYh.put(n.getOutput(1), id);
        }
        return null;
    }

    private String alias(List<String> activations, String out, boolean keepPooled) {
        if (activations.isEmpty()) {
            return "reads no computed value";
        }
        producer.put(out, producer.get(activations.get(0)));
        if (keepPooled && pooled.contains(activations.get(0))) {
            pooled.add(out);
        }
        return null;
    }

    private String simple(String type, Map<String, Object> params, List<String> activations, String out) {
        if (activations.size() != 1) {
            return "takes " + activations.size() + " computed inputs where one is expected";
        }
        String id = add(out, type, params);
        connect(activations.get(0), id, "in");
        producer.put(out, new PortRef(id, "out"));
        pooled.remove(out);
        return null;
    }

    private String gemm(NodeProto n, List<String> activations, String out) {
        if (activations.size() != 1 || n.getInputCount() < 2 || !constants.containsKey(n.getInput(1))) {
            return "multiplies two computed values; only a value times stored weights is a Dense layer";
        }
        if (attrInt(n, "transA", 0) != 0 || attrFloat(n, "alpha", 1f) != 1f || attrFloat(n, "beta", 1f) != 1f) {
            return "uses transA, alpha or beta";
        }
        TensorProto w = constants.get(n.getInput(1));
        if (w.getDimsCount() != 2) {
            return "has weights that are not a matrix";
        }
        float[] values = reader.floats(w);
        boolean transB = attrInt(n, "transB", 0) == 1;
        long units = transB ? w.getDims(0) : w.getDims(1);
        float[] weight = transB ? values : transpose(values, w.getDims(0), w.getDims(1));
        boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        float[] b = null;
        if (bias) {
            TensorProto c = constants.get(n.getInput(2));
            if (c == null) {
                return "adds a computed value as its bias";
            }
            b = reader.floats(c);
            if (b.length != units) {
                return "has a bias that is not one value per unit";
            }
        }
        String id = dense(out, activations.get(0), units, weight, b);
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    private String matMul(NodeProto n, List<String> activations, List<String> consts, String out) {
        if (activations.size() != 1 || consts.size() != 1 || !n.getInput(1).equals(consts.get(0))) {
            return "multiplies two computed values; only a value times stored weights is a Dense layer";
        }
        TensorProto w = constants.get(consts.get(0));
        if (w.getDimsCount() != 2) {
            return "has weights that are not a matrix";
        }
        String id = dense(out, activations.get(0), w.getDims(1), transpose(reader.floats(w), w.getDims(0),
                w.getDims(1)), null);
        producer.put(out, new PortRef(id, "out"));
        denseWithoutBias.put(out, id);
        return null;
    }

    private String dense(String name, String input, long units, float[] weight, float[] bias) {
        if (units < 1 || units > Integer.MAX_VALUE) {
            throw new OnnxImportException("a Dense layer with " + units + " units cannot be made");
        }
        String id = add(name, "dense", Map.of("units", (int) units, "bias", bias != null));
        connect(input, id, "in");
        Map<String, float[]> w = weights.computeIfAbsent(id, k -> new HashMap<>());
        w.put("weight", weight);
        if (bias != null) {
            w.put("bias", bias);
        }
        return id;
    }

    private String add(NodeProto n, List<String> activations, List<String> consts, String out) {
        if (activations.size() == 1 && consts.size() == 1) {
            String id = denseWithoutBias.get(activations.get(0));
            TensorProto c = constants.get(consts.get(0));
            if (id != null && uses.getOrDefault(activations.get(0), 0) == 1) {
                float[] b = reader.floats(c);
                Node dense = nodes.get(id);
                if (b.length == ((Number) dense.params().get("units")).intValue()) {
                    nodes.put(id, dense.withParam("bias", true));
                    weights.get(id).put("bias", b);
                    denseWithoutBias.remove(activations.get(0));
                    producer.put(out, new PortRef(id, "out"));
                    return null;
                }
            }
            return "adds stored constants that are no Dense layer's bias";
        }
        return merge("add", n, activations, consts, out);
    }

    private String merge(String type, NodeProto n, List<String> activations, List<String> consts, String out) {
        if (!consts.isEmpty() || activations.size() < 2 || activations.size() > 8) {
            return "combines stored constants or more than 8 values; only branches of the network are joined";
        }
        String id = add(out, type, Map.of("inputs", activations.size()));
        for (int i = 0; i < activations.size(); i++) {
            connect(activations.get(i), id, "in" + (i + 1));
        }
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    private String concat(NodeProto n, List<String> activations, List<String> consts, String out) {
        long axis = attrInt(n, "axis", 1);
        if (axis == 0) {
            return "joins along the batch axis";
        }
        if (!consts.isEmpty() || activations.size() < 2 || activations.size() > 8) {
            return "joins stored constants or more than 8 values";
        }
        String id = add(out, "concatenate", Map.of("inputs", activations.size(), "axis",
                (int) (axis > 0 ? axis - 1 : axis)));
        for (int i = 0; i < activations.size(); i++) {
            connect(activations.get(i), id, "in" + (i + 1));
        }
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    private String conv(NodeProto n, List<String> activations, String out) {
        if (activations.size() != 1 || n.getInputCount() < 2 || !constants.containsKey(n.getInput(1))) {
            return "convolves with computed weights";
        }
        TensorProto w = constants.get(n.getInput(1));
        int spatial = w.getDimsCount() - 2;
        if (spatial != 1 && spatial != 2) {
            return "is a " + spatial + "-D convolution; 1-D and 2-D are supported";
        }
        long groups = attrInt(n, "group", 1);
        if (groups < 1 || groups > w.getDims(0)) {
            return "has " + groups + " groups for " + w.getDims(0) + " filters";
        }
        Long kernel = same(w.getDimsList().subList(2, w.getDimsCount()));
        Long stride = same(attrInts(n, "strides", spatial, 1));
        Long dilation = same(attrInts(n, "dilations", spatial, 1));
        Long pad = padding(n, spatial, kernel, stride, dilation);
        if (kernel == null || stride == null || dilation == null || pad == null) {
            return "has kernels, strides, dilations or padding that differ between axes or sides";
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filters", (int) w.getDims(0));
        params.put("kernel", kernel.intValue());
        params.put("stride", stride.intValue());
        params.put("padding", "explicit");
        params.put("pad", pad.intValue());
        params.put("dilation", dilation.intValue());
        boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        if (bias && !constants.containsKey(n.getInput(2))) {
            return "adds a computed bias";
        }
        params.put("bias", bias);
        params.put("groups", (int) groups);
        String id = add(out, spatial == 2 ? "conv2d" : "conv1d", params);
        connect(activations.get(0), id, "in");
        Map<String, float[]> mine = weights.computeIfAbsent(id, k -> new HashMap<>());
        mine.put("weight", reader.floats(w));
        if (bias) {
            mine.put("bias", reader.floats(constants.get(n.getInput(2))));
        }
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    private String convTranspose(NodeProto n, List<String> activations, String out) {
        if (activations.size() != 1 || n.getInputCount() < 2 || !constants.containsKey(n.getInput(1))) {
            return "convolves with computed weights";
        }
        TensorProto w = constants.get(n.getInput(1));
        if (w.getDimsCount() != 4 || attrInt(n, "group", 1) != 1 || hasAttr(n, "output_shape")
                || !attrString(n, "auto_pad", "NOTSET").equals("NOTSET")) {
            return "is not a plain 2-D transposed convolution";
        }
        Long kernel = same(w.getDimsList().subList(2, 4));
        Long stride = same(attrInts(n, "strides", 2, 1));
        Long dilation = same(attrInts(n, "dilations", 2, 1));
        Long pad = same(attrInts(n, "pads", 4, 0));
        Long outputPadding = same(attrInts(n, "output_padding", 2, 0));
        if (kernel == null || stride == null || pad == null || outputPadding == null || dilation == null
                || dilation != 1) {
            return "has kernels, strides, padding or dilation this layer does not take";
        }
        boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        if (bias && !constants.containsKey(n.getInput(2))) {
            return "adds a computed bias";
        }
        String id = add(out, "conv_transpose2d", Map.of("filters", (int) w.getDims(1), "kernel", kernel.intValue(),
                "stride", stride.intValue(), "pad", pad.intValue(), "output_padding", outputPadding.intValue(),
                "bias", bias));
        connect(activations.get(0), id, "in");
        Map<String, float[]> mine = weights.computeIfAbsent(id, k -> new HashMap<>());
        mine.put("weight", reader.floats(w));
        if (bias) {
            mine.put("bias", reader.floats(constants.get(n.getInput(2))));
        }
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    private String pool(NodeProto n, List<String> activations, String out) {
        List<Long> kernelShape = attrInts(n, "kernel_shape", 0, 0);
        int spatial = kernelShape.size();
        if (activations.size() != 1 || spatial < 1 || spatial > 2) {
            return "pools over " + spatial + " axes; 1 or 2 are supported";
        }
        if (attrInt(n, "ceil_mode", 0) != 0 || same(attrInts(n, "dilations", spatial, 1)) == null
                || same(attrInts(n, "dilations", spatial, 1)) != 1) {
            return "uses ceil mode or dilation";
        }
        Long kernel = same(kernelShape);
        Long stride = same(attrInts(n, "strides", spatial, 1));
        Long pad = padding(n, spatial, kernel, stride, 1L);
        if (kernel == null || stride == null || pad == null) {
            return "has windows, strides or padding that differ between axes or sides";
        }
        boolean max = n.getOpType().equals("MaxPool");
        if (!max && pad > 0 && attrInt(n, "count_include_pad", 0) != 1) {
            return "leaves padding out of its averages";
        }
        if (max && n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
            return "also returns indices";
        }
        String type = (max ? "max_pool" : "avg_pool") + spatial + "d";
        return simple(type, Map.of("kernel", kernel.intValue(), "stride", stride.intValue(), "pad", pad.intValue()),
                activations, out);
    }

    private String globalPool(NodeProto n, List<String> activations, String out) {
        String why = simple(n.getOpType().equals("GlobalAveragePool") ? "global_avg_pool" : "global_max_pool",
                Map.of(), activations, out);
        if (why == null) {
            // Ours gives one value per channel; ONNX keeps 1×1 axes, which only a following flatten may drop.
            pooled.add(out);
        }
        return why;
    }

    private String batchNorm(NodeProto n, List<String> activations, String out) {
        if (activations.size() != 1 || n.getInputCount() != 5 || attrInt(n, "training_mode", 0) != 0) {
            return "is not an inference batch normalization with stored statistics";
        }
        for (int i = 1; i < 5; i++) {
            if (!constants.containsKey(n.getInput(i))) {
                return "takes computed statistics";
            }
        }
        String id = add(out, "batch_norm", Map.of("epsilon", (double) attrFloat(n, "epsilon", 1e-5f)));
        connect(activations.get(0), id, "in");
        Map<String, float[]> mine = weights.computeIfAbsent(id, k -> new HashMap<>());
        String[] names = {"gamma", "beta", "runningMean", "runningVar"};
        for (int i = 0; i < 4; i++) {
            mine.put(names[i], reader.floats(constants.get(n.getInput(i + 1))));
        }
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    private String layerNorm(NodeProto n, List<String> activations, String out) {
        if (activations.size() != 1 || attrInt(n, "axis", -1) != -1 || !constants.containsKey(n.getInput(1))) {
            return "normalizes other axes than the last, or with computed scale";
        }
        if (n.getOutputCount() > 1 && n.getOutputList().subList(1, n.getOutputCount()).stream()
                .anyMatch(s -> !s.isEmpty())) {
            return "also returns its statistics";
        }
        float[] scale = reader.floats(constants.get(n.getInput(1)));
        float[] bias = new float[scale.length];
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
            if (!constants.containsKey(n.getInput(2))) {
                return "adds a computed bias";
            }
            bias = reader.floats(constants.get(n.getInput(2)));
        }
        String id = add(out, "layer_norm", Map.of("epsilon", (double) attrFloat(n, "epsilon", 1e-5f)));
        connect(activations.get(0), id, "in");
        Map<String, float[]> mine = weights.computeIfAbsent(id, k -> new HashMap<>());
        mine.put("gamma", scale);
        mine.put("beta", bias);
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    private String reshape(List<String> activations, List<String> consts, List<String> shapes, String out,
                           boolean readsPooled) {
        if (activations.size() != 1 || consts.size() + shapes.size() != 1) {
            return "takes a computed shape";
        }
        long[] shape;
        if (shapes.isEmpty()) {
            shape = reader.int64s(constants.get(consts.get(0)));
        } else {
            shape = shapeValues.get(shapes.get(0));
            if (shape == null) {
                return "takes a shape computed in a way that could not be folded to sizes";
            }
            shape = shape.clone();
            if (shape.length > 0 && shape[0] == BATCH) {
                shape[0] = 0;
            }
            for (long d : shape) {
                if (d == BATCH) {
                    return "moves the batch axis";
                }
            }
        }
        if (shape.length < 2 || (shape[0] != 0 && shape[0] != -1)) {
            return "changes the batch axis";
        }
        if (readsPooled) {
            return shape.length == 2 ? alias(activations, out, false) : "reshapes a global pooling's output";
        }
        StringBuilder target = new StringBuilder();
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] == 0 || shape[i] < -1 || (shape[0] == -1 && shape[i] == -1)) {
                return "copies or guesses sizes in a way this layer does not take";
            }
            target.append(i > 1 ? "," : "").append(shape[i]);
        }
        return simple("reshape", Map.of("target", target.toString()), activations, out);
    }

    /** Gather of an embedding table's rows by token ids: an Embedding layer reading the token input. */
    private String gather(NodeProto n, List<String> activations, List<String> consts, String out) {
        if (n.getInputCount() != 2 || activations.size() != 1 || consts.size() != 1
                || !n.getInput(0).equals(consts.get(0)) || attrInt(n, "axis", 0) != 0) {
            return "gathers other than rows of a stored table by computed ids";
        }
        String ids = activations.get(0);
        if (!tokenInputs.containsKey(ids)) {
            return "looks rows up by values that are not the model's token ids";
        }
        TensorProto table = constants.get(consts.get(0));
        if (table.getDimsCount() != 2 || table.getDims(0) < 2 || table.getDims(0) > 10_000_000
                || table.getDims(1) < 1 || table.getDims(1) > 65536) {
            return "looks rows up in a table that is not vocabulary × dimension";
        }
        int vocabulary = (int) table.getDims(0);
        String input = tokenInputs.get(ids);
        Node tokens = nodes.get(input);
        Object before = embedded.contains(input) ? tokens.params().get("vocabulary") : null;
        if (before != null && ((Number) before).intValue() != vocabulary) {
            return "reads the ids of '" + input + "' with " + vocabulary + " rows where another embedding has "
                    + before;
        }
        nodes.put(input, tokens.withParam("vocabulary", vocabulary));
        embedded.add(input);
        String id = add(out, "embedding", Map.of("vocabulary", vocabulary, "dimension", (int) table.getDims(1),
                "padding_id", -1));
        connect(ids, id, "in");
        weights.computeIfAbsent(id, k -> new HashMap<>()).put("weight", reader.floats(table));
        producer.put(out, new PortRef(id, "out"));
        return null;
    }

    /** A type conversion of token ids (to int64, as exporters write before a Gather) is the ids themselves. */
    private String tokenAlias(String ids, String out) {
        producer.put(out, producer.get(ids));
        tokenInputs.put(out, tokenInputs.get(ids));
        return null;
    }

    /**
     * The shape of {@code value} as Shape gives it (axes {@code start} to {@code end}), the batch axis as
     * {@link #BATCH}, from the layers imported so far; null where they do not give it.
     */
    private long[] shapeOf(String value, long start, long end) {
        PortRef p = producer.get(value);
        org.netwright.model.shape.Shape shape;
        try {
            shape = ShapeInference.infer(graph()).report(p.nodeId()).outputs().get(p.port());
        } catch (RuntimeException e) {
            return null;
        }
        if (shape == null) {
            return null;
        }
        long[] all = new long[shape.rank() + 1];
        all[0] = BATCH;
        for (int i = 0; i < shape.rank(); i++) {
            all[i + 1] = shape.dim(i);
        }
        return ShapeFolding.slice(all, start, end, 1);
    }

    /** A small int64 constant's values, or null for any other tensor. */
    private long[] integers(TensorProto t) {
        if (t.getDataType() == TensorProto.DataType.INT64_VALUE) {
            return reader.int64s(t);
        }
        return null;
    }

    private String transpose(NodeProto n, List<String> activations, String out) {
        List<Long> perm = attrInts(n, "perm", 0, 0);
        if (perm.isEmpty() || perm.get(0) != 0) {
            return "moves the batch axis";
        }
        StringBuilder order = new StringBuilder();
        for (int i = 1; i < perm.size(); i++) {
            order.append(i > 1 ? "," : "").append(perm.get(i) - 1);
        }
        return simple("permute", Map.of("order", order.toString()), activations, out);
    }

    /** The single pad of every side, from pads or auto_pad; null when the sides differ. */
    private static Long padding(NodeProto n, int spatial, Long kernel, Long stride, Long dilation) {
        String auto = attrString(n, "auto_pad", "NOTSET");
        switch (auto) {
            case "NOTSET", "" -> {
                return same(attrInts(n, "pads", 2 * spatial, 0));
            }
            case "VALID" -> {
                return 0L;
            }
            default -> {
                if (kernel == null || stride == null || dilation == null || stride != 1
                        || (dilation * (kernel - 1)) % 2 != 0) {
                    return null;
                }
                return dilation * (kernel - 1) / 2;
            }
        }
    }

    private static Long same(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        long first = values.get(0);
        for (long v : values) {
            if (v != first || v < 0 || v > 1_000_000) {
                return null;
            }
        }
        return first;
    }

    // ---- attributes and helpers ----------------------------------------------------------------------------

    private static Optional<AttributeProto> attribute(NodeProto n, String name) {
        return n.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    private static boolean hasAttr(NodeProto n, String name) {
        return attribute(n, name).isPresent();
    }

    private static long attrInt(NodeProto n, String name, long fallback) {
        return attribute(n, name).map(AttributeProto::getI).orElse(fallback);
    }

    private static float attrFloat(NodeProto n, String name, float fallback) {
        return attribute(n, name).map(AttributeProto::getF).orElse(fallback);
    }

    private static String attrString(NodeProto n, String name, String fallback) {
        return attribute(n, name).map(a -> a.getS().toStringUtf8()).orElse(fallback);
    }

    /** An INTS attribute, or {@code count} copies of {@code fallback} when absent. */
    private static List<Long> attrInts(NodeProto n, String name, int count, long fallback) {
        Optional<AttributeProto> a = attribute(n, name);
        if (a.isPresent()) {
            return a.get().getIntsList();
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(fallback);
        }
        return out;
    }

    private static Optional<String> meta(List<StringStringEntryProto> entries, String key) {
        return entries.stream().filter(e -> e.getKey().equals(key)).map(StringStringEntryProto::getValue).findFirst();
    }

    private static float[] transpose(float[] v, long rows, long cols) {
        if ((long) v.length != rows * cols) {
            throw new OnnxImportException("a weight matrix holds " + v.length + " values, not " + rows + "x" + cols);
        }
        float[] out = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[(int) (c * rows + r)] = v[(int) (r * cols + c)];
            }
        }
        return out;
    }

    /** Adds a layer laid out in rows of {@value #PER_ROW}, with an id made from {@code name}; returns the id. */
    private String add(String name, String type, Map<String, Object> params) {
        String base = ID_CHARS.matcher(name.replace('/', '-')).replaceAll("_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = type + "_" + base;
        }
        base = base.length() > 90 ? base.substring(0, 90) : base;
        String id = base;
        for (int i = 2; nodes.containsKey(id); i++) {
            id = base + "_" + i;
        }
        int index = nodes.size();
        nodes.put(id, new Node(id, type, params, 60 + 220 * (index % PER_ROW), 60 + 140 * (index / PER_ROW)));
        return id;
    }

    private void connect(String value, String nodeId, String port) {
        edges.add(new Edge(producer.get(value), new PortRef(nodeId, port)));
    }

    /**
     * A layer mapped from a plain operator is named after the ONNX value it computes; one that computes a graph
     * output takes the output's name instead, so the model's outputs keep their names as our output layers.
     */
    private void nameOutputs(GraphProto g) {
        Set<String> described = new HashSet<>(idsByLayer.values());
        for (ValueInfoProto out : g.getOutputList()) {
            String oldId = producer.get(out.getName()).nodeId();
            String wanted = ID_CHARS.matcher(out.getName()).replaceAll("_");
            if (described.contains(oldId) || oldId.equals(wanted) || wanted.isEmpty()
                    || !Character.isLetter(wanted.charAt(0)) || wanted.length() > 90 || nodes.containsKey(wanted)
                    || catalog.require(nodes.get(oldId).type()).isInput()) {
                continue;
            }
            Node old = nodes.get(oldId);
            Map<String, Node> renamed = new LinkedHashMap<>();
            nodes.forEach((id, n) -> renamed.put(id.equals(oldId) ? wanted : id,
                    id.equals(oldId) ? new Node(wanted, old.type(), old.params(), old.x(), old.y()) : n));
            nodes.clear();
            nodes.putAll(renamed);
            edges.replaceAll(e -> new Edge(rename(e.from(), oldId, wanted), rename(e.to(), oldId, wanted)));
            producer.replaceAll((v, p) -> rename(p, oldId, wanted));
            if (weights.containsKey(oldId)) {
                weights.put(wanted, weights.remove(oldId));
            }
        }
    }

    private static PortRef rename(PortRef p, String oldId, String newId) {
        return p.nodeId().equals(oldId) ? new PortRef(newId, p.port()) : p;
    }

    private Graph graph() {
        Graph g = Graph.empty();
        for (Node n : nodes.values()) {
            g = g.withNode(n);
        }
        try {
            for (Edge e : edges) {
                g = g.connect(e);
            }
        } catch (GraphEditException e) {
            throw new OnnxImportException("the model's connections do not fit our layers: " + e.getMessage());
        }
        return g;
    }

    /** The weights as a checkpoint of the compiled graph: every parameter of every layer must be there, sized right. */
    private Imported checkpoint(Graph graph) {
        GraphBlock block;
        try {
            block = GraphCompiler.compile(graph, null, null);
        } catch (GraphCompileException e) {
            throw new OnnxImportException("the imported graph cannot run: " + e.getMessage());
        }
        List<Tensor> tensors = new ArrayList<>();
        long parameters = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            ai.djl.ndarray.types.Shape[] shapes = block.inputPorts().stream()
                    .map(p -> new ai.djl.ndarray.types.Shape(block.portShape(p).withBatch(1)))
                    .toArray(ai.djl.ndarray.types.Shape[]::new);
            block.setInitializer(ai.djl.training.initializer.Initializer.ZEROS, p -> true);
            block.initialize(manager, DataType.FLOAT32, shapes);
            for (Map.Entry<String, Block> node : block.weightedNodes().entrySet()) {
                Map<String, float[]> mine = weights.getOrDefault(node.getKey(), Map.of());
                for (Pair<String, Parameter> p : node.getValue().getParameters()) {
                    String name = OnnxWriter.plainName(p.getKey());
                    long[] shape = p.getValue().getArray().getShape().getShape();
                    float[] values = mine.get(name);
                    long size = p.getValue().getArray().size();
                    if (values == null) {
                        throw new OnnxImportException("layer '" + node.getKey() + "' has no weight '" + name
                                + "' in the model");
                    }
                    if (values.length != size) {
                        throw new OnnxImportException("layer '" + node.getKey() + "' has " + values.length
                                + " values for its weight '" + name + "' where " + size + " are needed");
                    }
                    tensors.add(new Tensor(node.getKey(), p.getKey(), shape, values));
                    parameters += size;
                }
            }
        }
        return new Imported(graph, Checkpoints.write(tensors), parameters);
    }
}
