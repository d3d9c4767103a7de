package org.netwright.runner.export;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.GraphJson;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.run.TrainedRun;

/**
 * The {@code djl} format: a model directory that DJL's {@code Model.load} opens once its block is rebuilt from
 * {@code graph.json} with Netwright's {@code GraphCompiler} ({@code model-0000.params} in DJL's own parameter
 * format), with {@code preprocessing.json} beside it and a README whose Java snippet loads and predicts.
 */
public final class DjlExporter implements ModelExporter {
    /** The model name DJL reads the parameters under: {@code model-0000.params}. */
    public static final String MODEL_NAME = "model";

    @Override
    public String format() {
        return "djl";
    }

    @Override
    public void write(TrainedRun run, Path project, Path dir) throws IOException {
        Preprocessing preprocessing = RunData.preprocessing(run, project);
        writeModel(run.graph(), run.weights(), dir);
        preprocessing.write(dir);
        readme(run, project, preprocessing).write(dir);
    }

    /**
     * Writes {@code graph.json} and the block's parameters in DJL's format for a graph and a checkpoint's weights.
     *
     * @throws ExportException when the weights do not fit the graph, before anything is written
     */
    public static void writeModel(Graph graph, byte[] weights, Path dir) throws IOException {
        GraphBlock block = GraphCompiler.compile(graph, true);
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance(MODEL_NAME)) {
            List<ai.djl.ndarray.types.Shape> shapes = new ArrayList<>();
            for (String port : block.inputPorts()) {
                shapes.add(new ai.djl.ndarray.types.Shape(block.portShape(port).withBatch(1)));
            }
            block.initialize(manager, DataType.FLOAT32, shapes.toArray(new ai.djl.ndarray.types.Shape[0]));
            LoadReport loaded = Checkpoints.load(block, weights);
            if (!loaded.skipped().isEmpty()) {
                var first = loaded.skipped().entrySet().iterator().next();
                throw new ExportException("The run's weights do not fit the layer '" + first.getKey() + "' ("
                        + first.getValue() + "); the graph changed after the run");
            }
            model.setBlock(block);
            Files.writeString(dir.resolve("graph.json"), GraphJson.write(graph), StandardCharsets.UTF_8);
            model.save(dir, MODEL_NAME);
        }
    }

    /** The Java a user runs to load the folder and predict; the DJL export test runs the same calls. */
    static String snippet(Preprocessing p) {
        StringBuilder inputs = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < p.inputs().size(); i++) {
            Preprocessing.Port in = p.inputs().get(i);
            int[] dims = in.shape().toArray();
            long size = in.shape().size();
            String name = "x" + i;
            names.add(name);
            StringBuilder shape = new StringBuilder("1");
            for (int d : dims) {
                shape.append(", ").append(d);
            }
            inputs.append("        NDArray ").append(name).append(" = manager.create(new float[").append(size)
                    .append("], new Shape(").append(shape).append("));  // ").append(in.port()).append(", prepared as")
                    .append(" preprocessing.json says\n");
        }
        return """
                import ai.djl.Model;
                import ai.djl.inference.Predictor;
                import ai.djl.ndarray.NDArray;
                import ai.djl.ndarray.NDList;
                import ai.djl.ndarray.NDManager;
                import ai.djl.ndarray.types.Shape;
                import ai.djl.translate.NoopTranslator;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.netwright.model.json.GraphJson;
                import org.netwright.runner.compile.GraphCompiler;

                Path dir = Path.of("EXPORT_FOLDER");
                try (Model model = Model.newInstance("model")) {
                    // The block is rebuilt from the graph, then DJL reads its trained parameters (model-0000.params).
                    model.setBlock(GraphCompiler.compile(GraphJson.read(Files.readString(dir.resolve("graph.json"))), true));
                    model.load(dir, "model");
                    try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                         NDManager manager = NDManager.newBaseManager()) {
                %s        NDList out = predictor.predict(new NDList(%s));
                        float[] scores = out.get(0).toFloatArray();  // raw scores of %s
                    }
                }
                """.formatted(inputs, String.join(", ", names),
                p.outputs().isEmpty() ? "the output" : p.outputs().get(0).port());
    }

    private static ExportReadme readme(TrainedRun run, Path project, Preprocessing p) {
        ExportReadme r = new ExportReadme(project.getFileName() + ": run " + run.runId() + " as a DJL model",
                run.runId(), project);
        r.section("What is here").files(List.of(
                new String[] {"model-0000.params", "the trained parameters in DJL's format"},
                new String[] {"graph.json", "the network; Netwright's GraphCompiler rebuilds the DJL block from it"},
                new String[] {"preprocessing.json", "how raw data becomes the network's inputs, and the class names"}));
        r.line("Needs DJL 0.35 with the PyTorch engine and Netwright's training-runner jar (for GraphCompiler) on the"
                + " class path.").line("");
        r.ports(p);
        r.section("Load and predict");
        r.code("java", snippet(p));
        return r;
    }
}
