package org.netwright.app.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.netwright.model.store.RunRecord;

/**
 * The Export window's state: which run (the latest trained one, or a chosen one), which format, which folder; an
 * export runs the runner's {@code export} command in a child process and says what it wrote or why it could not.
 * A folder that holds files is only written into once the user has agreed to replace them.
 */
public final class ExportViewModel {
    /** A run as the window lists it; {@code id} null stands for "the latest run with weights". */
    public record RunChoice(Long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What a folder is before an export writes into it. */
    public enum FolderState { NEW, EMPTY, HAS_FILES, NOT_A_FOLDER }

    private final Path project;
    private final List<RunChoice> runs;
    private final Function<List<String>, CompletableFuture<CliJob.Outcome>> cli;
    private final Executor ui;
    private final ObjectProperty<RunChoice> run = new SimpleObjectProperty<>();
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.ALL.get(0));
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    /**
     * @param project the project file (the CLI reads it read-only while the app keeps it open)
     * @param records the project's runs, oldest first
     * @param cli     starts a CLI command (the real one: {@link CliJob#start})
     * @param ui      where results are published (the FX thread)
     */
    public ExportViewModel(Path project, List<RunRecord> records,
                           Function<List<String>, CompletableFuture<CliJob.Outcome>> cli, Executor ui) {
        this.project = project;
        this.cli = cli;
        this.ui = ui;
        List<RunChoice> choices = new ArrayList<>();
        choices.add(new RunChoice(null, "The latest run with trained weights"));
        for (int i = records.size() - 1; i >= 0; i--) {
            RunRecord r = records.get(i);
            choices.add(new RunChoice(r.id(), "Run " + r.id() + " (" + r.status() + ")"));
        }
        this.runs = List.copyOf(choices);
        run.set(runs.get(0));
        String base = project.getFileName().toString().replaceFirst("\\.nwproj$", "");
        Path parent = project.toAbsolutePath().getParent();
        folder.set(parent.resolve(base + " export").toString());
    }

    public List<RunChoice> runs() {
        return runs;
    }

    public ObjectProperty<RunChoice> runProperty() {
        return run;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** True while an export runs: the window keeps its Export button off. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What happened last, in a sentence: what was written, or why not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the last message is a refusal or a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The chosen folder as it stands now. */
    public FolderState folderState() {
        return stateOf(Path.of(folder.get().strip()));
    }

    static FolderState stateOf(Path dir) {
        if (!Files.exists(dir)) {
            return FolderState.NEW;
        }
        if (!Files.isDirectory(dir)) {
            return FolderState.NOT_A_FOLDER;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent() ? FolderState.HAS_FILES : FolderState.EMPTY;
        } catch (IOException e) {
            return FolderState.HAS_FILES;
        }
    }

    /** The CLI command the export runs, {@code replace} allowing a folder that holds files. */
    List<String> command(boolean replace) {
        List<String> args = new ArrayList<>(List.of("export", project.toAbsolutePath().toString(),
                "--format", format.get().name(), "--out", Path.of(folder.get().strip()).toAbsolutePath().toString(),
                "--json"));
        if (run.get() != null && run.get().id() != null) {
            args.add("--run");
            args.add(Long.toString(run.get().id()));
        }
        if (replace) {
            args.add("--force");
        }
        return args;
    }

    /**
     * Starts the export; refuses at once, with the reason as the message, when no folder is named, the name is a
     * file, or the folder holds files and {@code replace} is false. The future completes after the message is set.
     */
    public CompletableFuture<Boolean> export(boolean replace) {
        String name = folder.get() == null ? "" : folder.get().strip();
        if (name.isEmpty()) {
            return refuse("Choose a folder to export into.");
        }
        FolderState state = stateOf(Path.of(name));
        if (state == FolderState.NOT_A_FOLDER) {
            return refuse(name + " is a file, not a folder; choose a folder to export into.");
        }
        if (state == FolderState.HAS_FILES && !replace) {
            return refuse(name + " already holds files; choose an empty folder, or agree to replace them.");
        }
        busy.set(true);
        failed.set(false);
        message.set("Exporting as " + format.get().title() + "…");
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        cli.apply(command(replace)).whenComplete((outcome, error) -> ui.execute(() -> {
            busy.set(false);
            if (error != null || !outcome.succeeded()) {
                failed.set(true);
                message.set("Not exported: " + (error != null ? error.getMessage() : outcome.error()));
                done.complete(false);
            } else {
                failed.set(false);
                message.set(written(outcome.json(), Path.of(name)));
                done.complete(true);
            }
        }));
        return done;
    }

    private CompletableFuture<Boolean> refuse(String why) {
        failed.set(true);
        message.set(why);
        return CompletableFuture.completedFuture(false);
    }

    /** "Wrote model.onnx, README.md to DIR" from what is in the folder now (the CLI's answer names the run). */
    private String written(Optional<JsonNode> json, Path dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        } catch (IOException e) {
            // Listing is only for the message.
        }
        String run = json.map(j -> j.path("run")).filter(JsonNode::canConvertToLong)
                .map(j -> "run " + j.asLong() + " ").orElse("");
        return "Exported " + run + "as " + format.get().title() + " to " + dir.toAbsolutePath() + ": "
                + (names.isEmpty() ? "no files?" : String.join(", ", names)) + ".";
    }
}
