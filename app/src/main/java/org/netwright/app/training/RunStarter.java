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

    /**
     * Goes on with run {@code runId} from its latest checkpoint, as a new run with the same events; {@code epochs}
     * above 0 sets how many epochs it trains in all. The default is the runner's CLI in a child JVM.
     */
    default RunProcess resume(Path project, long runId, int epochs, Consumer<RunEvent> events) throws IOException {
        return RunProcess.start(ChildCommand.resume(project, runId, epochs), events);
    }

    /** The real one: the runner's CLI in a child JVM. */
    static RunStarter childJvm() {
        return (project, settings, events) -> RunProcess.start(ChildCommand.train(project, settings), events);
    }
}
