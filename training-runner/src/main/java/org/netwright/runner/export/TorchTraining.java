package org.netwright.runner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.InputBinding;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.SampleDistance;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.GraphSet;
import org.netwright.templates.data.NodeSplit;
import org.netwright.templates.data.Samples;

/**
 * What {@code train.py} needs to continue a run in PyTorch: {@code run.json} (the recipe, the optimizer and its
 * schedule, which data field feeds which input and which output trains against which loss) and {@code data.npz}
 * (the run's data exactly as our runner split and prepared them: {@code train/FIELD}, {@code validation/FIELD},
 * {@code test/FIELD}; for one graph its features, adjacency, labels and node split; for many graphs each padded to
 * the graph input's node count with a node mask).
 */
final class TorchTraining {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TorchTraining() {
    }

    /** Writes run.json and data.npz into {@code dir}; {@code task} may be null for graph data. */
    static void write(Graph graph, TrainingSettings settings, Task task, Path project, Path dir) throws IOException {
        Path baseDir = project.toAbsolutePath().getParent();
        List<String> inputs = TorchSource.inputPorts(graph);
        List<String> outputs = TorchSource.outputPorts(graph);
        ObjectNode run = MAPPER.createObjectNode();
        run.put("format", "netwright-pytorch-run");
        run.put("version", 1);
        run.put("epochs", settings.epochs());
        run.put("batch_size", settings.batchSize());
        run.put("learning_rate", settings.learningRate());
        run.put("optimizer", settings.optimizer());
        run.put("seed", settings.seed());
        TrainingOptions o = settings.options();
        ObjectNode opt = run.putObject("options");
        opt.put("momentum", o.momentum());
        opt.put("beta1", o.beta1());
        opt.put("beta2", o.beta2());
        opt.put("epsilon", o.epsilon());
        opt.put("weight_decay", o.weightDecay());
        opt.put("l1", o.l1());
        opt.put("schedule", o.schedule());
        opt.put("clip_norm", o.clipNorm());
        opt.put("clip_value", o.clipValue());
        Map<String, Npz.Array> data = new LinkedHashMap<>();
        if (DataSources.isGraphSet(settings.data(), baseDir)) {
            run.put("recipe", "graphs");
            run.put("loss", "mse".equals(settings.lossName()) ? "mse" : "cross_entropy");
            // The split and standardization the run trained with (a graph table's split column, training nodes).
            GraphSet.Split split = DataSources.loadGraphSetSplit(settings, baseDir);
            int nodes = portShape(graph, inputs.get(0)).dim(0);
            graphSet(split.set(), nodes, split, data);
        } else if (DataSources.isGraph(settings.data(), baseDir)) {
            run.put("recipe", "nodes");
            run.put("loss", "mse".equals(settings.lossName()) ? "mse" : "cross_entropy");
            NodeSplit split = DataSources.loadNodeSplit(settings, baseDir);
            GraphDataset g = split.graph();
            data.put("features", new Npz.Array(new long[] {g.nodes(), g.featureCount()}, g.features()));
            data.put("adjacency", new Npz.Array(new long[] {g.nodes(), g.nodes()}, g.adjacency()));
            data.put("labels", ids(g.labels()));
            data.put("train", ids(split.train()));
            data.put("validation", ids(split.validation()));
            data.put("test", ids(split.test()));
        } else {
            if (task == null) {
                throw new ExportException("The run has no task to train, so train.py cannot be written");
            }
            run.put("recipe", task.recipe());
            run.put("kl_weight", Double.parseDouble(task.options().getOrDefault("kl_weight", "1")));
            Samples.Split split = DataSources.loadSplit(settings, baseDir, NetworkEnds.of(graph), notice -> { });
            Map<String, DataField> fields = new LinkedHashMap<>();
            split.train().fields().forEach(f -> fields.put(f.name(), f));
            ArrayNode in = run.putArray("inputs");
            for (String port : inputs) {
                String node = port.substring(0, port.lastIndexOf('.'));
                Node n = graph.require(node);
                ObjectNode i = in.addObject();
                i.put("port", port);
                String field = task.fieldOf(node).orElse(null);
                DataField f = field == null ? null : fields.get(field);
                if (n.type().equals("noise_input") || f == null || f.kind() == DataField.Kind.NOISE) {
                    i.put("kind", "noise");
                    i.put("distribution", LayerCatalog.standard().require(n.type()).resolve(n.params()).values()
                            .getOrDefault("distribution", "normal").toString());
                    ArrayNode shape = i.putArray("shape");
                    for (int d : portShape(graph, port).toArray()) {
                        shape.add(d);
                    }
                } else {
                    i.put("kind", f.kind().name().toLowerCase());
                    i.put("field", field);
                }
            }
            ArrayNode obj = run.putArray("objectives");
            for (Objective ob : task.objectives()) {
                ObjectNode j = obj.addObject();
                int index = indexOfNode(outputs, ob.output());
                j.put("output", index);
                j.put("loss", ob.loss());
                j.put("target", ob.target());
                DataField f = fields.get(ob.target());
                j.put("target_kind", f == null ? "values" : f.kind().name().toLowerCase());
                j.put("weight", ob.weight());
            }
            if (Task.GAN.equals(task.recipe())) {
                ObjectNode gan = run.putObject("gan");
                gan.put("generator", task.options().get("generator"));
                gan.put("discriminator", task.options().get("discriminator"));
                gan.put("real_input", task.options().get("real_input"));
                quality(graph, inputs, task, split.validation(), settings.seed(), gan, data);
            }
            put(data, "train", split.train());
            put(data, "validation", split.validation());
            put(data, "test", split.test());
        }
        MAPPER.writeValue(dir.resolve("run.json").toFile(), run);
        Npz.write(dir.resolve("data.npz"), data);
    }

    /**
     * What train.py needs to report a GAN's {@link SampleDistance} as our runner does: the fixed noise of each noise
     * input ({@code quality/noise/PORT}) for the first validation samples, and the directions
     * ({@code quality/directions}).
     */
    private static void quality(Graph graph, List<String> inputs, Task task, Samples validation, long seed,
                                ObjectNode gan, Map<String, Npz.Array> data) {
        int n = SampleDistance.count(validation.size());
        String realField = task.fieldOf(task.options().get("real_input")).orElse(null);
        if (n == 0 || realField == null || validation.column(realField).isEmpty()) {
            return;
        }
        gan.put("quality_samples", n);
        for (String port : inputs) {
            String node = port.substring(0, port.lastIndexOf('.'));
            Node in = graph.require(node);
            if (in.type().equals("noise_input")) {
                Shape shape = portShape(graph, port);
                String distribution = LayerCatalog.standard().require(in.type()).resolve(in.params()).values()
                        .getOrDefault("distribution", "normal").toString();
                data.put("quality/noise/" + port, new Npz.Array(withCount(n, shape),
                        SampleDistance.noise(n, Math.toIntExact(shape.size()), distribution, seed, node)));
            }
        }
        int width = Math.toIntExact(validation.require(realField).field().shape().size());
        data.put("quality/directions", new Npz.Array(new long[] {SampleDistance.DIRECTIONS, width},
                SampleDistance.directions(width, seed)));
    }

    private static long[] withCount(int n, Shape shape) {
        int[] dims = shape.toArray();
        long[] out = new long[dims.length + 1];
        out[0] = n;
        for (int i = 0; i < dims.length; i++) {
            out[i + 1] = dims[i];
        }
        return out;
    }

    private static int indexOfNode(List<String> ports, String node) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).substring(0, ports.get(i).lastIndexOf('.')).equals(node)) {
                return i;
            }
        }
        throw new ExportException("The task trains the output '" + node + "', which is not an output of the graph");
    }

    private static void put(Map<String, Npz.Array> data, String part, Samples samples) {
        for (DataField f : samples.fields()) {
            int[] dims = f.shape().toArray();
            long[] shape = new long[dims.length + 1];
            shape[0] = samples.size();
            for (int i = 0; i < dims.length; i++) {
                shape[i + 1] = dims[i];
            }
            data.put(part + "/" + f.name(), new Npz.Array(shape, samples.require(f.name()).values()));
        }
    }

    private static void graphSet(GraphSet set, int nodes, GraphSet.Split split, Map<String, Npz.Array> data) {
        int g = set.size();
        int f = set.featureCount();
        float[] features = new float[g * nodes * f];
        float[] adjacency = new float[g * nodes * nodes];
        float[] mask = new float[g * nodes];
        int[] labels = new int[g];
        for (int i = 0; i < g; i++) {
            GraphSet.Item item = set.graph(i);
            int n = item.nodes();
            System.arraycopy(item.features(), 0, features, i * nodes * f, n * f);
            for (int r = 0; r < n; r++) {
                System.arraycopy(item.adjacency(), r * n, adjacency, i * nodes * nodes + r * nodes, n);
                mask[i * nodes + r] = 1f;
            }
            labels[i] = set.label(i);
        }
        data.put("features", new Npz.Array(new long[] {g, nodes, f}, features));
        data.put("adjacency", new Npz.Array(new long[] {g, nodes, nodes}, adjacency));
        data.put("mask", new Npz.Array(new long[] {g, nodes}, mask));
        data.put("labels", ids(labels));
        data.put("train", ids(split.train()));
        data.put("validation", ids(split.validation()));
        data.put("test", ids(split.test()));
    }

    private static Npz.Array ids(int[] values) {
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return new Npz.Array(new long[] {v.length}, v);
    }

    /** The per-sample shape of an output port ("node.port") of an input layer. */
    private static Shape portShape(Graph graph, String port) {
        int dot = port.lastIndexOf('.');
        return org.netwright.model.shape.ShapeInference.infer(graph).report(port.substring(0, dot)).outputs()
                .get(port.substring(dot + 1));
    }
}
