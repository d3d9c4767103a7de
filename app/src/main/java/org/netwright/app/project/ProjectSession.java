package org.netwright.app.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * Saves run in order on a writer thread of their own: a training run writing the same file may
 * hold its lock for a moment, and the editor must not wait for it.
 */
public final class ProjectSession implements AutoCloseable {
    /** The status text after a successful save. */
    public static final String SAVED = "All changes saved";

    private final ProjectStore store;
    private final EditorModel editor;
    private final TrainingSettings defaults;
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(SAVED);
    private final Executor ui;
    private org.netwright.app.training.LastRunAhead lastRunAhead = org.netwright.app.training.LastRunAhead.none();
    /** The last graph save's outcome as the writer thread saw it ({@link #SAVED} or why not), before the UI hears. */
    private volatile String lastWrite = SAVED;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "project-writer");
        t.setDaemon(true);
        return t;
    });

    private ProjectSession(ProjectStore store, TrainingSettings defaults, Executor ui) {
        this.store = store;
        this.defaults = defaults;
        this.ui = ui;
        // A graph saved by the command line from a template opens laid out as the template does in the app.
        CommandStack stack = new CommandStack(TemplateLayouts.laidOutIfTemplateAsSaved(store.loadGraph()));
        stack.addListener(this::autosave);
        this.editor = new EditorModel(stack);
    }

    /**
     * Opens a project file for editing; throws {@link ProjectFileException} with a sentence for the user
     * when it is not one, or when another Netwright window is editing it (two windows never write one
     * graph). {@code defaults} are the settings of a project that has none saved yet; {@code ui} runs the
     * save-status updates (the FX thread in the app).
     */
    public static ProjectSession open(Path file, TrainingSettings defaults, Executor ui) {
        return open(file, defaults, ui, true);
    }

    /**
     * As {@link #open(Path, TrainingSettings, Executor)}; the last run is read ahead only when {@code readLastRunAhead}
     * (not at launch, where the read would share the two cores with JavaFX starting: the window reads it once its
     * first frame is laid out).
     */
    public static ProjectSession open(Path file, TrainingSettings defaults, Executor ui, boolean readLastRunAhead) {
        // Begun first: a long last run reads beside the file's check and the window's building, not after them.
        org.netwright.app.training.LastRunAhead ahead = readLastRunAhead
                ? org.netwright.app.training.LastRunAhead.begin(file) : org.netwright.app.training.LastRunAhead.none();
        ProjectStore store = ProjectStore.openForEditing(file);
        try {
            ProjectSession session = new ProjectSession(store, defaults, ui);
            session.lastRunAhead = ahead;
            return session;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The last run as read while the project opened ({@link org.netwright.app.training.LastRunAhead#take}). */
    public org.netwright.app.training.LastRunAhead lastRunAhead() {
        return lastRunAhead;
    }

    /**
     * Writes a copy of the project (graph, settings, runs) to {@code target} after every pending save, while
     * the project stays open; safe while a run writes into it (see {@link ProjectStore#saveCopyAs}).
     */
    public void saveCopyAs(Path target) {
        flush();
        store.saveCopyAs(target);
    }

    private void autosave(Graph graph, String description) {
        if (writer.isShutdown()) {
            saveStatus.set("Not saved: the project is closed");
            return;
        }
        // A block that is gone takes its view with it (the store forgets it with this save): a new block given the
        // same id opens fitted, not where the user left the old one.
        if (keptViews.keySet().stream().anyMatch(path -> !path.isEmpty())) {
            java.util.Set<java.util.List<String>> blocks = org.netwright.model.store.SavedView.blockPaths(graph);
            keptViews.keySet().removeIf(path -> !path.isEmpty() && !blocks.contains(path));
        }
        writer.execute(() -> {
            String status;
            try {
                store.saveGraph(graph, description);
                status = SAVED;
            } catch (ProjectFileException e) {
                // The edit stays on screen and in the undo history; the next edit tries to save again.
                status = "Not saved: " + e.getMessage();
            }
            String shown = status;
            lastWrite = status;
            ui.execute(() -> saveStatus.set(shown));
        });
    }

    /** The canvas view the user left by hand when the project was last open, or empty: the canvas fits the graph. */
    public Optional<org.netwright.model.store.SavedView> view() {
        return view(java.util.List.of());
    }

    /**
     * The view the user left by hand on the canvas of the block at {@code blockPath} (empty: the network's), as last
     * kept in this session or else in the file; empty: that canvas fits its graph.
     */
    public Optional<org.netwright.model.store.SavedView> view(java.util.List<String> blockPath) {
        // The last view kept: a block opened again soon after it was left may find its write still queued.
        return keptViews.computeIfAbsent(java.util.List.copyOf(blockPath), path -> {
            try {
                return store.loadView(path);
            } catch (ProjectFileException e) {
                return Optional.empty();
            }
        });
    }

    /** The views last read or handed to {@link #keepView}, by block path, so an unchanged view is not written again. */
    private final java.util.Map<java.util.List<String>, Optional<org.netwright.model.store.SavedView>> keptViews =
            new java.util.HashMap<>();

    /**
     * Keeps the canvas view the user left by hand (empty: the fit) with the project, on the writer thread; a view
     * that cannot be written (a read-only file) is let go: the project then opens fitted, as it did before.
     */
    public void keepView(Optional<org.netwright.model.store.SavedView> view) {
        keepView(java.util.List.of(), view);
    }

    /** {@link #keepView(Optional)} for the canvas of the block at {@code blockPath} (empty: the network's). */
    public void keepView(java.util.List<String> blockPath, Optional<org.netwright.model.store.SavedView> view) {
        java.util.List<String> path = java.util.List.copyOf(blockPath);
        if (view.equals(keptViews.get(path)) || writer.isShutdown()) {
            return;
        }
        keptViews.put(path, view);
        try {
            writer.execute(() -> {
                try {
                    store.saveView(path, view);
                } catch (ProjectFileException e) {
                    // Only the view is lost; the graph's own saves say so when they fail.
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed meanwhile.
        }
    }

    /** Waits until every edit made so far is in the file (before a run reads it, say). */
    public void flush() {
        try {
            writer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
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

    /** Saves the settings after every pending graph save, so the file never holds them out of order. */
    public void saveSettings(TrainingSettings settings) {
        flush();
        store.saveSettings(settings);
        saveStatus.set(SAVED);
    }

    /**
     * After every pending save: empty when the graph on screen is in the file, else why the last save failed (the
     * window asks before closing on such a project).
     */
    public Optional<String> unsavedChanges() {
        flush();
        return SAVED.equals(lastWrite) ? Optional.empty() : Optional.of(lastWrite);
    }

    /** Writes the graph on screen into the file now (after a failed save); empty when it worked, else why not. */
    public Optional<String> saveNow() {
        flush();
        try {
            store.saveGraph(editor.graph(), "Saved before closing");
        } catch (ProjectFileException e) {
            return Optional.of(e.getMessage());
        }
        lastWrite = SAVED;
        saveStatus.set(SAVED);
        return Optional.empty();
    }

    /** "All changes saved", or why the last change could not be saved. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    /** Finishes the pending saves, then closes the file. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                saveStatus.set("Not saved: the last edits were still waiting to be written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
