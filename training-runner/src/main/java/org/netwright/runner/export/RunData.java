package org.netwright.runner.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;

/** What an export needs of a run's data: whether it is graph data, and the preprocessing of its ports. */
final class RunData {
    private RunData() {
    }

    /** Whether the run trained on one graph or on many small graphs (no samples; the node features' transform only). */
    static boolean isGraph(TrainedRun run, Path project) {
        return DataSources.isGraphSet(run.settings().data())
                || DataSources.isGraph(run.settings().data(), project.toAbsolutePath().getParent());
    }

    /** The run's ports with their fields and transforms, from the run's data as it trained on them. */
    static Preprocessing preprocessing(TrainedRun run, Path project) {
        if (isGraph(run, project)) {
            return Preprocessing.of(run.graph(), null, List.of(), run.graphTransforms(project));
        }
        Samples samples = run.data(project);
        return Preprocessing.of(run.graph(), run.task(), samples.fields(), samples.transforms());
    }
}
