package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.netwright.model.settings.TrainingSettings;

/** Starts a training run of a project file; the app uses a child JVM, tests may use another command. */
@FunctionalInterface
public interface RunStarter {
    RunProcess start(Path project, TrainingSettings settings, Consumer<RunEvent> events) throws IOException;

    /** The real one: the runner's CLI in a child JVM. */
    static RunStarter childJvm() {
        return (project, settings, events) -> RunProcess.start(ChildCommand.train(project, settings), events);
    }
}
