package org.netwright.runner.run;

import java.util.List;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskException;
import org.netwright.model.task.TaskProposal;

/**
 * Which task a run of some settings trains. Apart from {@link TrainingRun} on purpose: the app's data check asks this
 * in the window's JVM, and loading {@code TrainingRun} there would load DJL's classes with it.
 */
public final class RunTask {
    private RunTask() {
    }

    /** The task a run of these settings would train: theirs, or the proposal with their loss applied. */
    public static Task resolve(Graph graph, TrainingSettings settings, List<DataField> fields) {
        if (settings.task() != null) {
            return settings.task();
        }
        Task proposed = TaskProposal.propose(graph, NetworkEnds.of(graph), fields);
        boolean auto = settings.loss() == null || TrainingSettings.AUTO.equals(settings.loss());
        if (!auto && proposed.recipe().equals(Task.GAN)) {
            throw new TaskException("The loss " + settings.loss() + " does not apply to a GAN: its generator and"
                    + " discriminator train against each other with binary cross-entropy; set the loss to auto.");
        }
        return auto ? proposed : proposed.withLoss(settings.loss());
    }
}
