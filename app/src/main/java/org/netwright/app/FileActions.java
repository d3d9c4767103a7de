package org.netwright.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.netwright.app.exchange.CliJob;
import org.netwright.app.exchange.ExportDialog;
import org.netwright.app.exchange.ExportViewModel;
import org.netwright.app.exchange.ModelImportViewModel;
import org.netwright.app.project.ProjectSession;
import org.netwright.app.gallery.GalleryDialog;
import org.netwright.app.project.ProjectFiles;
import org.netwright.app.project.Workspace;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;

/** The File menu's dialogs: they ask the user, call the {@link Workspace} and show its refusals. */
final class FileActions {
    private final Window owner;
    private final Workspace workspace;
    private final Path projectsFolder;
    /** The open project's Data row model (null when no project is open), which Import Data saves through. */
    private final java.util.function.Supplier<org.netwright.app.training.DataViewModel> data;
    /** Called as the gallery opens (the window's tour steps aside); what it returns is run as the gallery closes. */
    private java.util.function.Supplier<Runnable> inFront = () -> () -> { };

    FileActions(Window owner, Workspace workspace, Path projectsFolder,
                java.util.function.Supplier<org.netwright.app.training.DataViewModel> data) {
        this.owner = owner;
        this.workspace = workspace;
        this.projectsFolder = projectsFolder;
        this.data = data;
        this.saveDialog = c -> Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
    }

    /** File > New: an empty canvas as a new project, named on its first save (after asking about unsaved work). */
    void newEmpty() {
        leaveFor("Could not create the project", workspace::createEmpty);
    }

    /**
     * The template gallery; the chosen template opens at once as a new project, named on its first save. A running
     * tour steps aside while the gallery is open and comes back after, at its step, over the project then open
     * (cancelled or not): its steps name the window's controls, which every project has.
     */
    void newFromTemplate() {
        Runnable back = inFront.get();
        try {
            Optional<Template> chosen = new GalleryDialog(owner, workspace.userTemplates()).showAndWait();
            chosen.ifPresent(this::openTemplate);
        } finally {
            back.run();
        }
    }

    /** Sets what steps aside while the gallery is in front of the window (see {@link #newFromTemplate()}). */
    void whileGalleryInFront(java.util.function.Supplier<Runnable> aside) {
        this.inFront = java.util.Objects.requireNonNull(aside);
    }

    /**
     * File > Save as Template…: the open network with its data recipe and settings, kept in the user's library under a
     * name, description and tags (the dialog says in which folder).
     */
    void saveAsTemplate() {
        ProjectSession session = workspace.session();
        if (session == null) {
            return;
        }
        new org.netwright.app.gallery.SaveTemplateDialog(owner, workspace.userTemplates(), session.projectName(),
                session.editor().graph(), session.settings()).showAndWait().ifPresent(saved -> {
                    // Said, not only done: the dialog closing alone left the user wondering whether and where.
                    Alert done = new Alert(Alert.AlertType.INFORMATION, org.netwright.app.gallery.SaveTemplateDialog
                            .savedMessage(saved, workspace.userTemplates().fileOf(saved.id())));
                    done.initOwner(owner);
                    done.setTitle("Netwright");
                    done.setHeaderText("Template saved");
                    done.getDialogPane().setId("template-saved");
                    done.showAndWait();
                });
    }

    /** Opens a template as a new unsaved project (after asking about unsaved work in the one open). */
    void openTemplate(Template template) {
        leaveFor("Could not create the project", () -> workspace.createDraft(template));
    }

    /**
     * File > Save: a project opened from a template asks for its name and place once; every other project is
     * already saved (each edit is written as it is made), which the dialog-free answer says in the status bar.
     */
    void save() {
        if (!workspace.isDraft()) {
            return;
        }
        FileChooser chooser = chooser("Save the new project as");
        try {
            Files.createDirectories(projectsFolder);
            chooser.setInitialDirectory(projectsFolder.toFile());
        } catch (java.io.IOException | RuntimeException e) {
            // The chooser then starts where the platform likes; the user picks a folder anyway.
        }
        chooser.setInitialFileName(ProjectFiles.fileName(workspace.session().projectName()));
        Optional<Path> file = saveDialog.apply(chooser);
        file.ifPresent(f -> workspace.saveDraftAs(f).ifPresent(why -> showError("Could not save the project", why)));
    }

    /**
     * Before the window closes (Quit or the window's close button): when closing would lose something (a project
     * never saved under a name, or edits whose save failed) asks Save / Don't Save / Cancel. True when the window may
     * close: nothing to lose, saved, or the user chose not to keep it; false when the user cancelled or the save did
     * not happen, and everything stays as it was.
     */
    boolean confirmClose() {
        Leaving answer = askBeforeLeaving("closing");
        if (answer == Leaving.DISCARD) {
            workspace.discardDraft();
        }
        return answer != Leaving.STAY;
    }

    /**
     * Every way of leaving the open project for another (New, New from Template, Open, Open Recent, Import Graph, an
     * imported model) goes through here: the same question as {@link #confirmClose}, then {@code next} opens the other
     * project. A project not saved yet that the user chose not to keep is deleted only once the other one is open, so
     * a refused opening leaves the user where they were with nothing lost.
     */
    private void leaveFor(String failure, java.util.function.Supplier<Optional<String>> next) {
        Leaving answer = askBeforeLeaving("leaving it");
        if (answer == Leaving.STAY) {
            return;
        }
        Path left = workspace.session() == null ? null : workspace.session().file();
        Optional<String> refused = next.get();
        if (refused.isPresent()) {
            showError(failure, refused.get());
        } else if (answer == Leaving.DISCARD && left != null) {
            workspace.deleteDraft(left);
        }
    }

    /** What the user chose about unsaved work before the project is closed or left. */
    private enum Leaving {
        /** Nothing would be lost, or it was saved: go on. */
        GO,
        /** Don't Save on a project never saved under a name, or one holding nothing: go on, and delete it. */
        DISCARD,
        /** Cancel, or the save did not happen: everything stays as it was. */
        STAY
    }

    /**
     * The one decision behind Quit, the close button and leaving for another project: when {@link
     * Workspace#unsavedWork()} says something would be lost, asks Save / Don't Save / Cancel ({@code when} finishes
     * the headline, "closing" or "leaving it"); Save saves (a project not saved yet through the save dialog).
     */
    private Leaving askBeforeLeaving(String when) {
        if (workspace.isEmptyDraft()) {
            // An untouched new project holds nothing: left without a question, its file goes like a discarded one's.
            return Leaving.DISCARD;
        }
        Optional<String> unsaved = workspace.unsavedWork();
        if (unsaved.isEmpty()) {
            return Leaving.GO;
        }
        boolean draft = workspace.isDraft();
        ButtonType save = new ButtonType(draft ? "Save\u2026" : "Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, unsaved.get() + (draft
                ? " Save it to keep it; Don't Save deletes it."
                : " Save writes them again; Don't Save goes on without them."), save, discard, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle("Netwright");
        ask.setHeaderText(draft ? "Save the new project before " + when + "?" : "Save the changes before " + when + "?");
        ask.getDialogPane().setId("unsaved-dialog");
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == discard) {
            return draft ? Leaving.DISCARD : Leaving.GO;
        }
        if (answer != save) {
            return Leaving.STAY;
        }
        if (draft) {
            save();
            return workspace.isDraft() ? Leaving.STAY : Leaving.GO;
        }
        Optional<String> failed = workspace.session().saveNow();
        failed.ifPresent(why -> showError("Could not save the project", why));
        return failed.isEmpty() ? Leaving.GO : Leaving.STAY;
    }

    /** How a file to save to is asked for: the platform's save dialog, or a stand-in given by a test. */
    private java.util.function.Function<FileChooser, Optional<Path>> saveDialog;

    void useSaveDialog(java.util.function.Function<FileChooser, Optional<Path>> dialog) {
        this.saveDialog = dialog;
    }

    /** File > Import Graph: a graph JSON file opens as a new unsaved project, laid out when it needs it. */
    void importGraph() {
        FileChooser c = new FileChooser();
        c.setTitle("Import a graph");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Netwright graph (JSON)", "*.json"));
        File file = c.showOpenDialog(owner);
        if (file != null) {
            leaveFor("Could not import " + file.getName(), () -> workspace.importGraph(file.toPath()));
        }
    }

    void open() {
        File file = chooser("Open a project").showOpenDialog(owner);
        if (file != null) {
            open(file.toPath());
        }
    }

    /**
     * Opens a file (after asking about unsaved work in the open project); a file that is not a project is reported and
     * the current project stays open. The open project itself (Open Recent lists it) is left as it is, without asking.
     */
    void open(Path file) {
        ProjectSession current = workspace.session();
        if (current != null && current.file().equals(file.toAbsolutePath())) {
            return;
        }
        leaveFor("Could not open " + file.getFileName(), () -> workspace.open(file));
    }

    void saveAs() {
        if (workspace.isDraft()) {
            save();
            return;
        }
        FileChooser chooser = chooser("Save a copy of the project as");
        if (workspace.session() != null) {
            chooser.setInitialFileName(workspace.session().projectName() + " copy" + ProjectStore.EXTENSION);
        }
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            workspace.saveAs(file.toPath()).ifPresent(why -> showError("Could not save a copy", why));
        }
    }

    /** File > Export trained model…: the window that writes a run as ONNX, PyTorch source or a DJL folder. */
    void exportTrainedModel() {
        ProjectSession session = workspace.session();
        if (session == null) {
            return;
        }
        session.flush();
        ExportViewModel model = new ExportViewModel(session.file(), session.store().runs(), CliJob::start,
                Platform::runLater);
        new ExportDialog(owner, model).show();
    }

    /**
     * File > Import Data…: reads a file or folder as a run would, with a preview; "Use this data" saves it into the
     * project's settings and "Fit the network to the data" is one edit on the editor's undo stack.
     */
    org.netwright.app.dataimport.ImportDataWindow importData() {
        ProjectSession session = workspace.session();
        org.netwright.app.training.DataViewModel row = data.get();
        if (session == null || row == null) {
            return null;
        }
        org.netwright.app.dataimport.ImportViewModel model = new org.netwright.app.dataimport.ImportViewModel(
                row::settings, session.editor()::graph, row.baseDir(), row::useImported, session.editor()::execute,
                IMPORT_LOADER, Platform::runLater);
        model.keepCopiesWith(packed -> {
            try {
                session.store().saveEmbeddedData(packed.hash(), packed.name(), packed.bytes());
                return java.util.Optional.empty();
            } catch (RuntimeException e) {
                return java.util.Optional.of(e.getMessage());
            }
        });
        var window = new org.netwright.app.dataimport.ImportDataWindow(owner,
                owner.getScene() == null ? java.util.List.of() : owner.getScene().getStylesheets(), model);
        window.show();
        return window;
    }

    /** Reads imported data off the UI thread; a daemon, so it never keeps the app alive. */
    private static final java.util.concurrent.Executor IMPORT_LOADER = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "netwright-data-import");
                t.setDaemon(true);
                return t;
            });

    /** File > Import model…: an ONNX file becomes a new project, which opens when the import has worked. */
    void importModel() {
        FileChooser pick = new FileChooser();
        pick.setTitle("Import an ONNX model");
        pick.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX models", "*.onnx"));
        File model = pick.showOpenDialog(owner);
        if (model == null) {
            return;
        }
        Path suggested = ModelImportViewModel.suggestedProject(model.toPath());
        FileChooser save = chooser("Save the imported model as a project");
        save.setInitialDirectory(suggested.getParent().toFile());
        save.setInitialFileName(suggested.getFileName().toString());
        File target = save.showSaveDialog(owner);
        if (target == null) {
            return;
        }
        Stage working = progress("Importing " + model.getName() + "…");
        new ModelImportViewModel(CliJob::start).importModel(model.toPath(), target.toPath())
                .whenComplete((result, error) -> Platform.runLater(() -> {
                    working.close();
                    if (error != null) {
                        showError("Could not import " + model.getName(), String.valueOf(error.getMessage()));
                    } else if (result.project().isPresent()) {
                        open(result.project().get());
                    } else {
                        showError("Could not import " + model.getName(), result.error());
                    }
                }));
    }

    /** A small window that says what is being done while it runs in a child process. */
    private Stage progress(String text) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Netwright");
        HBox box = new HBox(12, new ProgressIndicator(), new Label(text));
        box.setPadding(new Insets(20));
        stage.setScene(new Scene(box));
        stage.show();
        return stage;
    }

    /** A modal error with a short headline over the store's or the workspace's full sentence. */
    void showError(String headline, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setTitle("Netwright");
        alert.setHeaderText(headline);
        alert.showAndWait();
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Netwright projects", "*" + ProjectStore.EXTENSION));
        Path folder = workspace.session() != null ? workspace.session().file().getParent() : projectsFolder;
        if (folder != null && Files.isDirectory(folder)) {
            c.setInitialDirectory(folder.toFile());
        }
        return c;
    }
}
