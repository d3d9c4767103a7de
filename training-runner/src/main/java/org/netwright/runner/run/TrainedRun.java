package org.netwright.runner.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.SettingsFormatException;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectFileException;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskException;
import org.netwright.runner.checkpoint.CheckpointFormatException;
import org.netwright.runner.checkpoint.RunState;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.data.Samples;

/**
 * A project's trained run as every command after training needs it (generate, evaluate, predict, explain, export):
 * the graph, the task it trained, its latest weights (a checkpoint's tensors) and its settings. Starting from the
 * stored run means those commands never guess.
 */
public record TrainedRun(long runId, Graph graph, Task task, byte[] weights, TrainingSettings settings) {

    /**
     * Opens {@code project} read-only and takes run {@code runText} (a run id as the user typed it), or when absent
     * the latest run that has a checkpoint.
     *
     * @throws TrainedRunException when there is no such run, no checkpoint, or the stored run cannot be read
     */
    public static TrainedRun load(Path project, Optional<String> runText) {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            Graph graph = store.loadGraph();
            List<RunRecord> runs = store.runs();
            RunRecord run = null;
            byte[] checkpoint = null;
            if (runText.isPresent()) {
                long id;
                try {
                    id = Long.parseLong(runText.get().trim());
                } catch (NumberFormatException e) {
                    throw new TrainedRunException("--run takes a run id (a whole number); got '" + runText.get() + "'");
                }
                run = runs.stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new TrainedRunException(
                        project.getFileName() + " has no run " + id));
                checkpoint = store.latestCheckpoint(id).orElseThrow(() -> new TrainedRunException("run " + id + " of "
                        + project.getFileName() + " has no checkpoint (it stopped before its first epoch ended)"));
            } else {
                for (int i = runs.size() - 1; i >= 0 && run == null; i--) {
                    Optional<byte[]> c = store.latestCheckpoint(runs.get(i).id());
                    if (c.isPresent()) {
                        run = runs.get(i);
                        checkpoint = c.get();
                    }
                }
                if (run == null) {
                    throw new TrainedRunException(project.getFileName() + " has no trained run yet; train it first"
                            + " (train " + project.getFileName() + ")");
                }
            }
            TrainingSettings settings = org.netwright.runner.data.EmbeddedData.withKeptCopy(
                    SettingsJson.read(run.settingsJson()), project.toAbsolutePath().getParent(), store::embeddedData);
            // A saved task needs no data to resolve; an imported model has a task but no data yet.
            Task task = settings.task() != null ? settings.task()
                    : isGraphData(settings, project) ? graphTask(graph, settings)
                    : TrainingRun.resolveTask(graph, settings, data(settings, project, graph).fields());
            return new TrainedRun(run.id(), graph, task, RunState.weightsOf(checkpoint), settings);
        } catch (ProjectFileException | SettingsFormatException | CheckpointFormatException | TaskException e) {
            throw new TrainedRunException(e.getMessage());
        }
    }

    private static boolean isGraphData(TrainingSettings settings, Path project) {
        return DataSources.isGraphSet(settings.data())
                || DataSources.isGraph(settings.data(), project.toAbsolutePath().getParent());
    }

    /**
     * What a run on graph data trained (its runner takes no task): the graph input reads the graph, and the output
     * is trained against the class labels of its nodes or graphs. Such data has no samples, so {@link #data} does
     * not apply to it.
     */
    private static Task graphTask(Graph graph, TrainingSettings settings) {
        NetworkEnds ends = NetworkEnds.of(graph);
        List<org.netwright.model.task.InputBinding> inputs = ends.inputNodes().stream()
                .map(n -> new org.netwright.model.task.InputBinding(n, "graph")).toList();
        String loss = "mse".equals(settings.lossName()) ? "mse" : "cross_entropy";
        List<org.netwright.model.task.Objective> objectives = ends.outputs().stream()
                .map(o -> new org.netwright.model.task.Objective(o.nodeId(), loss, "label", 1.0)).toList();
        return new Task(Task.PLAIN, inputs, objectives, List.of("accuracy"), java.util.Map.of());
    }

    /**
     * The run's data as it trained on it (same source, same seed, fitted to the network), so its split and its
     * standardization are the ones the weights were trained with.
     */
    public Samples data(Path project) {
        return data(settings, project, graph);
    }

    /**
     * How the run's graph data made node features from the node table (key {@code node_features}): the
     * standardization fitted on the training nodes or graphs with the run's seed and split, so a graph read for
     * prediction is brought to the features the weights were trained on. Empty when the run did not train on graphs.
     */
    public java.util.Map<String, org.netwright.model.task.FieldTransform> graphTransforms(Path project) {
        return DataSources.graphTransforms(settings, project.toAbsolutePath().getParent());
    }

    private static Samples data(TrainingSettings settings, Path project, Graph graph) {
        Path baseDir = project.toAbsolutePath().getParent();
        return DataSources.loadSamples(settings, baseDir, NetworkEnds.of(graph));
    }
}
