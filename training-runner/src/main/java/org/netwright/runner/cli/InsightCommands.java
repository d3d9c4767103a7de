package org.netwright.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.task.Task;
import org.netwright.runner.data.DataOption;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.TrainedRun;

/** What evaluate, predict and explain check alike: the project argument and a run that trained on samples. */
final class InsightCommands {
    private InsightCommands() {
    }

    /** The one project file among the arguments. */
    static Path project(Args args, String command, String usage) {
        if (args.positionals().size() != 1 || !args.positionals().get(0).endsWith(ProjectStore.EXTENSION)) {
            throw new UsageException(command + " takes one project file: " + usage);
        }
        Path project = Path.of(args.positionals().get(0));
        if (!Files.isRegularFile(project)) {
            throw new UsageException("there is no file " + project);
        }
        return project;
    }

    /** The project's run (the latest trained one unless {@code --run} names one); its data must still be readable. */
    static TrainedRun load(Path project, java.util.Optional<String> run) {
        try {
            return TrainedRun.load(project, run);
        } catch (org.netwright.runner.data.DataFileException | IllegalArgumentException e) {
            throw new UsageException("the data " + project.getFileName() + "'s run trained on cannot be read again: "
                    + e.getMessage());
        }
    }

    /** Refuses a run that names no data (an imported model) for commands that read files as its data were read. */
    static void requireData(TrainedRun t, Path project) {
        var recipe = t.settings().data();
        if (recipe == null || recipe.options().get("path") == null && recipe.options().get("name") == null) {
            throw new UsageException("run " + t.runId() + " names no data (an imported model), so how files become its"
                    + " inputs is not known; train it on data first (" + (DataOption.forApp() ? "choose them with "
                    + DataOption.DATA.where() + ", then Train" : "train " + project.getFileName() + " --data PATH")
                    + ")");
        }
    }

    /** Refuses runs these commands cannot read: GANs and networks trained on one graph or on graph sets. */
    static void requireSamples(TrainedRun t, Path project) {
        if (Task.GAN.equals(t.task().recipe())) {
            throw new UsageException("run " + t.runId() + " trained a GAN, which scores no held-out data; "
                    + (org.netwright.runner.data.DataOption.forApp() ? "its samples are under Generated in the Insight"
                    + " window" : "draw samples from it with generate"));
        }
        var recipe = t.settings().data();
        Path baseDir = project.toAbsolutePath().getParent();
        if (recipe != null && (DataSources.isGraphSet(recipe) || DataSources.isGraph(recipe, baseDir))) {
            throw new UsageException("run " + t.runId() + " trained on graphs; evaluate, predict and explain read runs"
                    + " trained on samples");
        }
        if (t.task().objectives().isEmpty()) {
            throw new UsageException("run " + t.runId() + "'s task has no objective to score");
        }
    }
}
