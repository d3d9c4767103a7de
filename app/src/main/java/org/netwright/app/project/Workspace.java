package org.netwright.app.project;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.GraphFormatException;
import org.netwright.model.json.GraphJson;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectFileException;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * The window's view model: which project is open, and the File menu's actions on it. An action
 * that fails returns the reason and leaves the open project as it was.
 */
public final class Workspace {
    private final ReadOnlyObjectWrapper<ProjectSession> session = new ReadOnlyObjectWrapper<>();
    private final RecentProjects recent;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    /** The first project's opening when the launcher began it (see {@link OpeningAhead}); null once taken or let go. */
    private OpeningAhead ahead;

    /**
     * The learning rate of a project that has no settings yet: the LeNet-5 template's (0.002). LeNet-5 on generated 32x32
     * seven-segment digits (the generator's default count, seed 42), 2 epochs with Adam: 8 % test accuracy at 0.01
     * (chance: it stalls), 41 % at 0.002, 40 % at 0.001; with the template's 1,500 samples 66 %, 68 % and 60 %.
     */
    public static final double DEFAULT_RATE = TemplateLibrary.find(TemplateLibrary.LENET5).orElseThrow().settings()
            .learningRate();

    /**
     * The settings of a project that has none of its own (an empty canvas, an imported graph): the first template's,
     * but with the loss left to the task ("auto"), since the network that will be built may be a GAN or a regressor,
     * whose losses a classifier's cross-entropy would refuse; and with Adam at {@link #DEFAULT_RATE}, not the
     * small MLP's 0.01, at which a CNN built here can stall (see {@code DEFAULT_RATE}). Declared after it, which it
     * reads while the class is initialized.
     */
    private static final TrainingSettings DEFAULTS = TemplateLibrary.find(TemplateLibrary.TWO_MOONS_MLP).orElseThrow()
            .settings().withLoss(TrainingSettings.AUTO).withOptimizer("adam").withLearningRate(Workspace.DEFAULT_RATE);

    private final Executor ui;
    private static final DateTimeFormatter DRAFT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** A workspace whose save status is updated on the FX thread. */
    public Workspace(RecentProjects recent) {
        this(recent, Platform::runLater);
    }

    /** A workspace that hands save-status updates to {@code ui} (tests without a window run them directly). */
    public Workspace(RecentProjects recent, Executor ui) {
        this.recent = recent;
        this.ui = ui;
        recentFiles.setAll(recent.list());
    }

    /** The user's own templates, kept in the user's Netwright folder beside the recent list. */
    public org.netwright.templates.user.UserTemplateLibrary userTemplates() {
        return org.netwright.templates.user.UserTemplateLibrary.in(recent.netwrightFolder());
    }

    /** The user's Netwright folder ({@code ~/.netwright}): the recent list, unsaved projects, templates, the tour's note. */
    public Path netwrightFolder() {
        return recent.netwrightFolder();
    }

    /** The open project; null only before the first one opens. */
    public ReadOnlyObjectProperty<ProjectSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ProjectSession session() {
        return session.get();
    }

    /** How {@code file} is named in a sentence: an unsaved project by what it was started from, not its file name. */
    public String label(Path file) {
        return ProjectLabels.name(file, recent.draftsFolder());
    }

    /** How {@code file} is listed in File > Open Recent: a saved project with its folder, an unsaved one as above. */
    public String listLabel(Path file) {
        return ProjectLabels.inList(file, recent.draftsFolder());
    }

    /** Recently opened files, newest first, for File > Open Recent. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /**
     * Begins opening {@code file} for a workspace whose save status is updated on the FX thread, before there is one
     * (the launcher, while JavaFX starts); hand it to the workspace with {@link #adopt}.
     */
    public static OpeningAhead beginOpening(Path file) {
        return OpeningAhead.begin(file, () -> ProjectSession.open(file, DEFAULTS, Platform::runLater, false));
    }

    /** Lets {@link #open} take {@code opening} when it is asked for that file; any other file lets it go. */
    public void adopt(OpeningAhead opening) {
        letGoOfAhead();
        ahead = opening;
    }

    /** Opens {@code file} in place of the current project, or says why it cannot (the current one stays open). */
    public Optional<String> open(Path file) {
        ProjectSession current = session.get();
        if (current != null && current.file().equals(file.toAbsolutePath())) {
            return Optional.empty();
        }
        ProjectSession next;
        try {
            next = takeAhead(file).orElseGet(() -> ProjectSession.open(file, DEFAULTS, ui));
        } catch (ProjectFileException e) {
            recentFiles.setAll(recent.list());
            return Optional.of(e.getMessage());
        }
        switchTo(next);
        return Optional.empty();
    }

    /**
     * Opens a new project made from the template without asking for a name: it is kept among the unsaved projects
     * ({@link RecentProjects#draftsFolder()}) until {@link #saveDraftAs} gives it one.
     */
    public Optional<String> createDraft(Template template) {
        Path folder = recent.draftsFolder();
        Path file;
        try {
            Files.createDirectories(folder);
            file = folder.resolve(template.id() + "-" + DRAFT_STAMP.format(LocalDateTime.now()) + ProjectStore.EXTENSION);
            ProjectFiles.createFromTemplate(file, template);
            try (ProjectStore store = ProjectStore.open(file)) {
                store.setProjectName(template.title());
            }
        } catch (IOException e) {
            return Optional.of("Netwright could not make the new project in " + folder + ": " + e.getMessage());
        } catch (ProjectFileException e) {
            return Optional.of(e.getMessage());
        }
        return open(file);
    }

    /** The name a project started from an empty canvas carries until its first save. */
    public static final String EMPTY_PROJECT_NAME = "New project";

    /**
     * Opens a new unsaved project with an empty canvas (File > New): no layers yet and the default training settings,
     * kept among the unsaved projects until {@link #saveDraftAs} names it.
     */
    public Optional<String> createEmpty() {
        Path folder = recent.draftsFolder();
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("new-" + DRAFT_STAMP.format(LocalDateTime.now()) + ProjectStore.EXTENSION);
            ProjectStore.create(file, store -> {
                store.saveGraph(Graph.empty(), "New project");
                store.saveSettings(DEFAULTS);
                store.setProjectName(EMPTY_PROJECT_NAME);
            }).close();
            return open(file);
        } catch (IOException e) {
            return Optional.of("Netwright could not make the new project in " + folder + ": " + e.getMessage());
        } catch (ProjectFileException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Opens a graph file ({@code netwright-graph} JSON, e.g. written by another tool) as a new unsaved project,
     * laid out automatically when its cards lie on top of each other; says why when the file is not such a graph.
     */
    public Optional<String> importGraph(Path json) {
        Graph graph;
        try {
            graph = TemplateLayouts.laidOutIfPiled(GraphJson.read(Files.readString(json)));
        } catch (IOException e) {
            return Optional.of("Netwright could not read " + json + ": " + e.getMessage());
        } catch (GraphFormatException e) {
            return Optional.of(json.getFileName() + ": " + e.getMessage());
        }
        Path folder = recent.draftsFolder();
        String name = json.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("import-" + DRAFT_STAMP.format(LocalDateTime.now()) + ProjectStore.EXTENSION);
            ProjectStore.create(file, store -> {
                store.saveGraph(graph, "Imported from " + json.getFileName());
                store.setProjectName(name);
            }).close();
            return open(file);
        } catch (IOException e) {
            return Optional.of("Netwright could not make the new project in " + folder + ": " + e.getMessage());
        } catch (ProjectFileException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** True when the open project has not been saved under a name of the user's yet. */
    public boolean isDraft() {
        ProjectSession current = session.get();
        return current != null && current.file().startsWith(recent.draftsFolder());
    }

    /**
     * Saves the open unsaved project as {@code target}, continues there with the name of the file, and deletes the
     * unsaved copy (which only this window had open).
     */
    public Optional<String> saveDraftAs(Path target) {
        if (!isDraft()) {
            return saveAs(target);
        }
        Path draft = session.get().file();
        Optional<String> refused = saveAs(target);
        if (refused.isPresent()) {
            return refused;
        }
        String name = session.get().file().getFileName().toString();
        session.get().store().setProjectName(name.substring(0, name.length() - ProjectStore.EXTENSION.length()));
        try {
            Files.deleteIfExists(draft);
        } catch (IOException e) {
            // A leftover unsaved copy wastes a little space; the saved project is what matters.
        }
        // Open Recent listed the unsaved copy when it opened; it is gone now (the list leaves out missing files).
        recentFiles.setAll(recent.list());
        return Optional.empty();
    }

    /** Creates {@code file} from a template and opens it. */
    public Optional<String> createFromTemplate(Template template, Path file) {
        try {
            ProjectFiles.createFromTemplate(ProjectFiles.withExtension(file), template);
        } catch (ProjectFileException e) {
            return Optional.of(e.getMessage());
        }
        return open(ProjectFiles.withExtension(file));
    }

    /**
     * Copies the open project (graph, settings, runs) to {@code target} and continues in the copy. The
     * copy is made by SQLite while the project stays open, so a run writing into it meanwhile cannot
     * leave the copy damaged; when anything fails, the open project stays as it was.
     */
    public Optional<String> saveAs(Path target) {
        ProjectSession current = session.get();
        if (current == null) {
            return Optional.of("No project is open.");
        }
        Path copy = ProjectFiles.withExtension(target).toAbsolutePath();
        if (copy.equals(current.file())) {
            return Optional.empty();
        }
        try {
            current.saveCopyAs(copy);
        } catch (ProjectFileException e) {
            return Optional.of(e.getMessage());
        }
        return open(copy);
    }

    /**
     * True for a project never saved under a name that holds nothing: no layer and no run (File > New, untouched).
     * Leaving it loses nothing, so nobody is asked, and its file goes with it.
     */
    public boolean isEmptyDraft() {
        ProjectSession current = session.get();
        return isDraft() && current.editor().graph().nodes().isEmpty() && current.lastRun().isEmpty();
    }

    /**
     * What would be lost by closing now, in a sentence, or empty when nothing would: a project never saved under a
     * name (it lives only among the unsaved ones) unless it holds nothing ({@link #isEmptyDraft}), or edits whose last
     * save failed.
     */
    public Optional<String> unsavedWork() {
        ProjectSession current = session.get();
        if (current == null) {
            return Optional.empty();
        }
        if (isEmptyDraft()) {
            return Optional.empty();
        }
        if (isDraft()) {
            return Optional.of("\u201c" + current.projectName() + "\u201d has not been saved under a name yet.");
        }
        return current.unsavedChanges().map(why -> "The last changes to \u201c" + current.projectName()
                + "\u201d are not in its file (" + why + ").");
    }

    /** Closes the open unsaved project and deletes it (the user chose not to keep it); other projects are kept. */
    public void discardDraft() {
        if (!isDraft()) {
            return;
        }
        Path draft = session.get().file();
        close();
        deleteDraft(draft);
    }

    /**
     * Deletes an unsaved project the user chose not to keep once another one is open in its place (Don't Save on
     * leaving it); refuses, silently, a file that is open or is not among the unsaved projects.
     */
    public void deleteDraft(Path draft) {
        Path file = draft.toAbsolutePath();
        ProjectSession current = session.get();
        if (!file.startsWith(recent.draftsFolder()) || current != null && current.file().equals(file)) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left among the unsaved projects; nothing the user wanted is lost.
        }
        recentFiles.setAll(recent.list());
    }

    /** Closes the open project (the window is closing). */
    public void close() {
        letGoOfAhead();
        ProjectSession current = session.get();
        session.set(null);
        if (current != null) {
            current.close();
        }
    }

    private void switchTo(ProjectSession next) {
        ProjectSession previous = session.get();
        session.set(next);
        if (previous != null) {
            previous.close();
        }
        recent.add(next.file());
        recentFiles.setAll(recent.list());
    }

    /** The opening begun ahead when it is of {@code file}; any opening ahead is over after this (taken or let go). */
    private Optional<ProjectSession> takeAhead(Path file) {
        OpeningAhead pending = ahead;
        ahead = null;
        if (pending == null) {
            return Optional.empty();
        }
        Optional<ProjectSession> taken = pending.take(file);
        if (taken.isEmpty()) {
            pending.discard();
        }
        return taken;
    }

    private void letGoOfAhead() {
        if (ahead != null) {
            ahead.discard();
            ahead = null;
        }
    }
}
