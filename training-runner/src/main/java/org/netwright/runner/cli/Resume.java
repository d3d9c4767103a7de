package org.netwright.runner.cli;

import java.util.Optional;
import org.netwright.model.json.SettingsFormatException;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectFileException;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;
import org.netwright.runner.checkpoint.CheckpointFormatException;
import org.netwright.runner.checkpoint.RunState;

/**
 * {@code train PROJECT --resume RUN_ID}: the run's own settings and its latest checkpoint, read from the project
 * file, so a stopped run goes on where it was; flags given beside it (e.g. {@code --epochs 20}) change those
 * settings as for any run.
 */
record Resume(long runId, TrainingSettings settings, byte[] checkpoint, int epoch, boolean partial) {
    /** The key under which a resumed run's stored settings name the run it went on from. */
    static final String RESUMED_FROM = "resumed_from";

    /** The settings JSON stored with the new run, naming the run it goes on from. */
    String note(String settingsJson) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(settingsJson);
            o.put(RESUMED_FROM, runId);
            return o.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            return settingsJson;
        }
    }

    static Resume of(Source source, String idText) {
        if (source.projectFile().isEmpty()) {
            throw new UsageException("--resume needs a project file (train PROJECT.nwproj --resume RUN_ID): runs and"
                    + " their checkpoints live in projects");
        }
        long id;
        try {
            id = Long.parseLong(idText.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--resume takes a run id (a whole number, as `runs` lists them); got '" + idText + "'");
        }
        try (ProjectStore store = ProjectStore.open(source.projectFile().get())) {
            Optional<RunRecord> run = store.runs().stream().filter(r -> r.id() == id).findFirst();
            if (run.isEmpty()) {
                throw new UsageException(source.name() + " has no run " + id);
            }
            byte[] checkpoint = store.latestCheckpoint(id).orElseThrow(() -> new UsageException("run " + id
                    + " has no checkpoint to go on from (it stopped before its first epoch ended)"));
            TrainingSettings settings = SettingsJson.read(run.get().settingsJson());
            if (!RunState.isRunState(checkpoint)) {
                throw new UsageException("run " + id + "'s checkpoint holds weights only (it was saved before runs"
                        + " could be resumed); start a new run instead");
            }
            RunState state = RunState.read(checkpoint);
            // Refused here, before a new run is recorded: the network must be the one the checkpoint trained.
            java.util.Optional<String> changed = org.netwright.runner.checkpoint.ResumePoint.of(state)
                    .whyNotWith(source.graph(), id);
            if (changed.isPresent()) {
                throw new UsageException(changed.get());
            }
            return new Resume(id, settings, checkpoint, state.epoch(), state.parts().containsKey("partial"));
        } catch (ProjectFileException | SettingsFormatException | CheckpointFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
