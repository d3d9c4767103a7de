package org.netwright.app.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.CommandStack;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectFileException;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;

/**
 * One open project: its file, its undo history and the editor's model. Every change of the
 * graph (edit, undo, redo) is saved the moment it happens, so there is never anything unsaved.
 */
public final class ProjectSession implements AutoCloseable {
    /** The status text after a successful save. */
    public static final String SAVED = "All changes saved";

    private final ProjectStore store;
    private final EditorModel editor;
    private final TrainingSettings defaults;
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(SAVED);

    private ProjectSession(ProjectStore store, TrainingSettings defaults) {
        this.store = store;
        this.defaults = defaults;
        CommandStack stack = new CommandStack(store.loadGraph());
        stack.addListener(this::autosave);
        this.editor = new EditorModel(stack);
    }

    /**
     * Opens a project file; throws {@link ProjectFileException} with a sentence for the user when
     * it is not one. {@code defaults} are the settings of a project that has none saved yet.
     */
    public static ProjectSession open(Path file, TrainingSettings defaults) {
        return new ProjectSession(ProjectStore.open(file), defaults);
    }

    private void autosave(Graph graph, String description) {
        try {
            store.saveGraph(graph, description);
            saveStatus.set(SAVED);
        } catch (ProjectFileException e) {
            // The edit stays on screen and in the undo history; the next edit tries to save again.
            saveStatus.set("Not saved: " + e.getMessage());
        }
    }

    public Path file() {
        return store.file();
    }

    public String projectName() {
        return store.projectName();
    }

    public EditorModel editor() {
        return editor;
    }

    public ProjectStore store() {
        return store;
    }

    /** The project's training settings, or the defaults when none were saved yet. */
    public TrainingSettings settings() {
        return store.loadSettings().orElse(defaults);
    }

    /** The most recent run recorded in the project, if any. */
    public Optional<RunRecord> lastRun() {
        List<RunRecord> runs = store.runs();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    public void saveSettings(TrainingSettings settings) {
        store.saveSettings(settings);
        saveStatus.set(SAVED);
    }

    /** "All changes saved", or why the last change could not be saved. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    @Override
    public void close() {
        store.close();
    }
}
