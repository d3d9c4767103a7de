package org.netwright.runner.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;

/** Test helper: a graph's block with seeded weights, seeded inputs it accepts, and runs in DJL and ONNX Runtime. */
public final class OnnxHarness {
    static final int BATCH = 2;

    private OnnxHarness() {
    }

    /** The graph's block as the export sees it (every sink, softmax left out), with seeded weights, and its checkpoint. */
    public static byte[] seededCheckpoint(Graph graph, long seed) {
        GraphBlock block = GraphCompiler.compile(graph, null, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            initialize(block, manager, seed);
            return Checkpoints.save(block);
        }
    }

    public static void initialize(GraphBlock block, NDManager manager, long seed) {
        ai.djl.ndarray.types.Shape[] shapes = block.inputPorts().stream()
                .map(p -> new ai.djl.ndarray.types.Shape(block.portShape(p).withBatch(1)))
                .toArray(ai.djl.ndarray.types.Shape[]::new);
        block.setInitializer(ai.djl.training.initializer.Initializer.ZEROS, p -> true);
        block.initialize(manager, DataType.FLOAT32, shapes);
        Random random = new Random(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            long[] s = a.getShape().getShape();
            long fanIn = s.length >= 2 ? a.size() / s[0] : 1;
            float scale = (float) (1.0 / Math.sqrt(Math.max(1, fanIn)));
            float[] v = new float[(int) a.size()];
            boolean variance = p.getKey().endsWith("runningVar");
            for (int i = 0; i < v.length; i++) {
                float u = (float) random.nextGaussian();
                v[i] = variance ? 0.5f + Math.abs(u) : u * scale;
            }
            a.set(v);
        }
    }

    /** Seeded inputs for every input port of {@code block}, in its order: ids for token and label inputs, 0/1 graphs. */
    public static List<float[]> inputs(Graph graph, GraphBlock block, long seed) {
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        Graph flat = org.netwright.model.graph.CompositeFlattening.flatten(graph);
        for (String port : block.inputPorts()) {
            String id = port.substring(0, port.lastIndexOf('.'));
            String name = port.substring(port.lastIndexOf('.') + 1);
            Node node = flat.require(id);
            LayerParams p = LayerCatalog.standard().require(node.type()).resolve(node.params());
            long[] shape = block.portShape(port).withBatch(BATCH);
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] v = new float[n];
            switch (node.type()) {
                case "token_input" -> fill(v, random, p.getInt("vocabulary"));
                case "label_input" -> fill(v, random, p.getInt("classes"));
                case "graph_input" -> {
                    if (name.equals("adjacency")) {
                        int nodes = (int) shape[1];
                        for (int b = 0; b < BATCH; b++) {
                            for (int i = 0; i < nodes; i++) {
                                for (int j = i + 1; j < nodes; j++) {
                                    float e = random.nextDouble() < 0.2 ? 1f : 0f;
                                    v[b * nodes * nodes + i * nodes + j] = e;
                                    v[b * nodes * nodes + j * nodes + i] = e;
                                }
                            }
                        }
                    } else if (name.equals("mask")) {
                        int nodes = (int) shape[1];
                        for (int b = 0; b < BATCH; b++) {
                            int real = 1 + random.nextInt(nodes);
                            for (int i = 0; i < real; i++) {
                                v[b * nodes + i] = 1f;
                            }
                        }
                    } else {
                        gaussian(v, random);
                    }
                }
                default -> gaussian(v, random);
            }
            out.add(v);
        }
        return out;
    }

    private static void fill(float[] v, Random random, int bound) {
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(bound);
        }
    }

    private static void gaussian(float[] v, Random random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
    }

    /** Our block's outputs (forward pass in inference, final softmax left out) on {@code inputs}, flattened. */
    public static List<float[]> runDjl(Graph graph, byte[] checkpoint, List<float[]> inputs) {
        GraphBlock block = GraphCompiler.compile(graph, null, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            initialize(block, manager, 0);
            Checkpoints.load(block, checkpoint);
            NDList in = new NDList();
            List<String> ports = block.inputPorts();
            for (int i = 0; i < ports.size(); i++) {
                in.add(manager.create(inputs.get(i), new ai.djl.ndarray.types.Shape(
                        block.portShape(ports.get(i)).withBatch(BATCH))));
            }
            NDList out = block.forward(new ParameterStore(manager, false), in, false);
            List<float[]> result = new ArrayList<>();
            for (NDArray a : out) {
                result.add(a.toFloatArray());
            }
            return result;
        }
    }

    /** The ONNX model's outputs in ONNX Runtime, in the model's output order, flattened. */
    public static List<float[]> runOnnx(byte[] model, GraphBlock block, List<float[]> inputs) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options)) {
                Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
                List<String> ports = block.inputPorts();
                try {
                    for (int i = 0; i < ports.size(); i++) {
                        String port = ports.get(i);
                        String id = port.substring(0, port.lastIndexOf('.'));
                        long count = ports.stream().filter(p -> p.startsWith(id + ".")).count();
                        feeds.put(count == 1 ? id : port, OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs.get(i)),
                                block.portShape(port).withBatch(BATCH)));
                    }
                    try (OrtSession.Result result = session.run(feeds)) {
                        List<float[]> out = new ArrayList<>();
                        for (int i = 0; i < result.size(); i++) {
                            FloatBuffer buffer = ((OnnxTensor) result.get(i)).getFloatBuffer();
                            float[] v = new float[buffer.remaining()];
                            buffer.get(v);
                            out.add(v);
                        }
                        return out;
                    }
                } finally {
                    feeds.values().forEach(OnnxTensor::close);
                }
            }
        }
    }

    public static double maxAbsDifference(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            throw new AssertionError(a.size() + " outputs against " + b.size());
        }
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).length != b.get(i).length) {
                throw new AssertionError("output " + i + " has " + a.get(i).length + " values against "
                        + b.get(i).length);
            }
            for (int j = 0; j < a.get(i).length; j++) {
                max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
            }
        }
        return max;
    }
}
