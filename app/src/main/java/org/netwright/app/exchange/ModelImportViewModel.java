package org.netwright.app.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.netwright.model.store.ProjectStore;

/**
 * File > Import model…: an ONNX file becomes a new project (our graph, the weights as a run's checkpoint) through
 * the runner's {@code import} command in a child process; the answer is the new project to open, or the CLI's
 * sentence saying why not (e.g. the unsupported operators, by node name and type), with nothing written.
 */
public final class ModelImportViewModel {
    private final Function<List<String>, CompletableFuture<CliJob.Outcome>> cli;

    public ModelImportViewModel(Function<List<String>, CompletableFuture<CliJob.Outcome>> cli) {
        this.cli = cli;
    }

    /** The project a model is imported into unless the user says otherwise: beside it, named after it. */
    public static Path suggestedProject(Path model) {
        String base = model.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        return model.toAbsolutePath().getParent().resolve(base + ProjectStore.EXTENSION);
    }

    /** Why the target cannot be written, before anything starts; empty when it can. */
    public static Optional<String> whyNot(Path model, Path project) {
        if (!Files.isRegularFile(model)) {
            return Optional.of(model + " is not a file.");
        }
        if (!project.getFileName().toString().endsWith(ProjectStore.EXTENSION)) {
            return Optional.of("The new project's name must end in " + ProjectStore.EXTENSION + ".");
        }
        if (Files.exists(project)) {
            return Optional.of(project.getFileName() + " already exists; importing never overwrites a project,"
                    + " choose another name.");
        }
        return Optional.empty();
    }

    /** Imports {@code model} into the new project {@code project}; completes with the project, or the reason. */
    public CompletableFuture<Result> importModel(Path model, Path project) {
        Optional<String> why = whyNot(model, project);
        if (why.isPresent()) {
            return CompletableFuture.completedFuture(new Result(Optional.empty(), why.get()));
        }
        List<String> args = List.of("import", model.toAbsolutePath().toString(), "--out",
                project.toAbsolutePath().toString(), "--json");
        return cli.apply(args).thenApply(o -> o.succeeded() && Files.isRegularFile(project)
                ? new Result(Optional.of(project), "")
                : new Result(Optional.empty(), o.error().isBlank() ? "the import command failed (status "
                        + o.exitCode() + ")" : o.error()));
    }

    /** The imported project, or why there is none. */
    public record Result(Optional<Path> project, String error) {
    }
}
