package org.netwright.runner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.templates.data.GraphDataset;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;

/**
 * {@code preprocessing.json}: what turns raw data into the network's inputs and its outputs back into answers, from
 * the run's data transforms. Per input port (in the order the network takes them): the field, its kind and shape,
 * the standardization (value = (raw - offset) / scale), the names behind ids (a vocabulary) and the reader options
 * (image size, tokenizer); per output port: the target it trained against, the class names, and the target's
 * standardization to undo.
 */
public final class Preprocessing {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What one port carries: where it comes from, its per-sample shape, kind and transform. */
    public record Port(String port, String field, String kind, Shape shape, FieldTransform transform, String loss,
                       int classes, boolean logits, int paddingId) {
    }

    private final List<Port> inputs;
    private final List<Port> outputs;
    private final String recipe;

    private Preprocessing(List<Port> inputs, List<Port> outputs, String recipe) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.recipe = recipe;
    }

    /**
     * The ports of {@code graph} as the run's task binds them to {@code fields} with their {@code transforms}
     * ({@code task} null for graph data: a graph input's features port gets the transform noted as
     * {@code node_features}, if any).
     */
    public static Preprocessing of(Graph graph, Task task, List<DataField> fields, Map<String, FieldTransform> transforms) {
        var shapes = ShapeInference.infer(graph);
        java.util.ArrayList<Port> in = new java.util.ArrayList<>();
        for (String port : TorchSource.inputPorts(graph)) {
            String node = port.substring(0, port.lastIndexOf('.'));
            Shape shape = shapes.report(node).outputs().get(port.substring(port.lastIndexOf('.') + 1));
            Node n = graph.require(node);
            String field = task != null ? task.fieldOf(node).orElse(null)
                    // Graph data: a graph input's features port reads the node features, noted by their own name.
                    : port.endsWith(".features") && transforms.containsKey(GraphDataset.NODE_FEATURES)
                    ? GraphDataset.NODE_FEATURES : null;
            DataField f = field == null ? null : fields.stream().filter(d -> d.name().equals(field)).findFirst().orElse(null);
            String kind = n.type().equals("noise_input") ? "noise" : f == null ? kindOf(n) : f.kind().name().toLowerCase();
            FieldTransform t = field == null ? FieldTransform.NONE : transforms.getOrDefault(field, FieldTransform.NONE);
            int pad = n.type().equals("token_input") ? Math.max(0, LayerCatalog.standard().require(n.type())
                    .resolve(n.params()).getInt("padding_id")) : -1;
            in.add(new Port(port, field, kind, shape, t, null, f == null ? 0 : f.classes(), false, pad));
        }
        java.util.ArrayList<Port> out = new java.util.ArrayList<>();
        for (String port : TorchSource.outputPorts(graph)) {
            String node = port.substring(0, port.lastIndexOf('.'));
            var flat = org.netwright.model.graph.CompositeFlattening.flatPort(graph,
                    new org.netwright.model.graph.PortRef(node, port.substring(port.lastIndexOf('.') + 1)));
            Shape shape = ShapeInference.infer(org.netwright.model.graph.CompositeFlattening.flatten(graph))
                    .report(flat.nodeId()).outputs().get(flat.port());
            Objective o = task == null ? null : task.objectives().stream().filter(ob -> ob.output().equals(node))
                    .findFirst().orElse(null);
            String target = o == null ? null : o.target();
            DataField f = target == null ? null : fields.stream().filter(d -> d.name().equals(target)).findFirst().orElse(null);
            String kind = f == null ? (task == null ? "class_id" : "values") : f.kind().name().toLowerCase();
            FieldTransform t = target == null ? FieldTransform.NONE : transforms.getOrDefault(target, FieldTransform.NONE);
            String loss = o == null ? (task == null ? "cross_entropy" : null) : o.loss();
            // As TrainedNetwork scores: a final softmax is left out, and its scores, like those of a loss that
            // reads class ids, become probabilities through a softmax.
            boolean logits = (o == null ? task == null : org.netwright.model.task.Losses.takesClassIds(o.lossName()))
                    || graph.require(node).type().equals("softmax");
            out.add(new Port(port, target, kind, shape, t, loss, f == null ? shape.dim(shape.rank() - 1) : f.classes(),
                    logits, -1));
        }
        return new Preprocessing(List.copyOf(in), List.copyOf(out), task == null ? "graph" : task.recipe());
    }

    private static String kindOf(Node n) {
        LayerSpec s = LayerCatalog.standard().require(n.type());
        return switch (s.id()) {
            case "token_input" -> "token_ids";
            case "label_input" -> "class_id";
            default -> "values";
        };
    }

    public List<Port> inputs() {
        return inputs;
    }

    public List<Port> outputs() {
        return outputs;
    }

    /** Class names of an output (its target's labels), or ids as text when the data named none. */
    public static List<String> classNames(Port p) {
        if (!p.transform().labels().isEmpty()) {
            return p.transform().labels();
        }
        if (!p.kind().equals("class_id") && !p.kind().equals("token_ids")) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, p.classes()).mapToObj(String::valueOf).toList();
    }

    /** Writes {@code preprocessing.json} into {@code dir}. */
    public void write(Path dir) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "netwright-preprocessing");
        root.put("version", 1);
        root.put("recipe", recipe);
        ArrayNode in = root.putArray("inputs");
        for (Port p : inputs) {
            ObjectNode o = port(in, p);
            o.putPOJO("labels", p.transform().labels());
            if (p.paddingId() >= 0) {
                o.put("padding_id", p.paddingId());
            }
        }
        ArrayNode out = root.putArray("outputs");
        for (Port p : outputs) {
            ObjectNode o = port(out, p);
            if (p.loss() != null) {
                o.put("loss", p.loss());
            }
            o.putPOJO("classes", classNames(p));
            o.put("logits", p.logits());
        }
        MAPPER.writeValue(dir.resolve("preprocessing.json").toFile(), root);
    }

    private static ObjectNode port(ArrayNode into, Port p) {
        ObjectNode o = into.addObject();
        o.put("port", p.port());
        o.put("node", p.port().substring(0, p.port().lastIndexOf('.')));
        if (p.field() != null) {
            o.put("field", p.field());
        }
        o.put("kind", p.kind());
        ArrayNode shape = o.putArray("shape");
        for (int d : p.shape().toArray()) {
            shape.add(d);
        }
        ArrayNode offset = o.putArray("offset");
        for (double d : p.transform().offset()) {
            offset.add(d);
        }
        ArrayNode scale = o.putArray("scale");
        for (double d : p.transform().scale()) {
            scale.add(d);
        }
        o.putPOJO("options", p.transform().options());
        return o;
    }
}
