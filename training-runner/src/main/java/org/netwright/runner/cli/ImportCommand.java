package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskException;
import org.netwright.model.task.TaskProposal;
import org.netwright.runner.export.onnx.OnnxImportException;
import org.netwright.runner.export.onnx.OnnxImporter;
import org.netwright.runner.export.onnx.OnnxModelReader;
import org.netwright.model.run.RunEvent;

/**
 * {@code netwright import MODEL.onnx --out PROJECT.nwproj [--json]}: an ONNX model becomes a new project whose graph
 * is the model's layers and whose one run holds the model's weights as its checkpoint, so generate, export and
 * evaluate find them. Operators that map onto no layer are listed and nothing is written.
 */
final class ImportCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImportCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--out"), Set.of("--json"));
        if (args.positionals().size() != 1) {
            throw new UsageException("import takes one ONNX file: import MODEL.onnx --out PROJECT.nwproj");
        }
        Path model = Path.of(args.positionals().get(0));
        Path project = Path.of(args.value("--out").orElseThrow(() -> new UsageException(
                "import needs --out PROJECT.nwproj, the new project to write")));
        if (!project.getFileName().toString().endsWith(ProjectStore.EXTENSION)) {
            throw new UsageException("--out must name a project file ending in " + ProjectStore.EXTENSION);
        }
        if (Files.exists(project)) {
            throw new UsageException(project + " exists already; choose a new project file");
        }
        OnnxImporter.Imported imported;
        try {
            imported = OnnxImporter.importModel(OnnxModelReader.read(model), OnnxModelReader.forFile(model));
        } catch (OnnxImportException e) {
            throw new UsageException(e.getMessage());
        }
        TrainingSettings settings = settings(imported.graph());
        String source = String.valueOf(model.getFileName());
        try (ProjectStore store = ProjectStore.create(project, s -> {
            s.setProjectName(stem(source));
            s.saveGraph(imported.graph(), "Imported " + source);
            s.saveSettings(settings);
            long run = s.startRun(SettingsJson.write(settings), "cpu");
            s.saveCheckpoint(run, 0, imported.checkpoint());
            ObjectNode fin = MAPPER.createObjectNode();
            fin.put("imported_from", source);
            s.finishRun(run, RunEvent.Finished.COMPLETED, fin.toString());
        })) {
            long run = store.runs().get(0).id();
            int layers = imported.graph().nodes().size();
            if (args.has("--json")) {
                ObjectNode o = MAPPER.createObjectNode();
                o.put("project", project.toString());
                o.put("run", run);
                o.put("layers", layers);
                o.put("parameters", imported.parameters());
                out.println(o);
            } else {
                out.println("imported " + source + " into " + project + ": " + layers + " layers, "
                        + imported.parameters() + " parameters, weights in run " + run);
            }
        }
        return 0;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Settings for a model that arrives without data: no data recipe yet (a CSV the user names when training), and,
     * where one can be proposed, a task that feeds each input layer a field named after it and trains each output
     * against values of its shape, so commands that start from a trained run need no data to open it.
     */
    static TrainingSettings settings(Graph graph) {
        TrainingSettings plain = new TrainingSettings(10, 32, 0.001, "adam", TrainingSettings.AUTO, 42, 0.2, 0.2,
                new DataRecipe("csv", Map.of()));
        NetworkEnds ends = NetworkEnds.of(graph);
        List<DataField> fields = new ArrayList<>();
        LayerCatalog catalog = LayerCatalog.standard();
        for (NetworkEnds.End in : ends.inputs()) {
            Node n = graph.require(in.nodeId());
            LayerParams p = catalog.require(n.type()).resolve(n.params());
            fields.add(switch (n.type()) {
                case "token_input" -> DataField.tokens(in.nodeId(), p.getInt("length"), p.getInt("vocabulary"));
                case "label_input" -> DataField.classId(in.nodeId(), p.getInt("classes"));
                case "noise_input" -> DataField.noise(in.nodeId(), in.shape());
                default -> DataField.values(in.nodeId(), in.shape());
            });
        }
        for (NetworkEnds.End o : ends.outputs()) {
            fields.add(DataField.values(o.nodeId() + "_target", o.shape()));
        }
        try {
            Task task = TaskProposal.propose(graph, ends, fields);
            return plain.withTask(task);
        } catch (TaskException | IllegalArgumentException e) {
            return plain;
        }
    }
}
