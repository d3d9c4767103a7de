package org.netwright.app.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelImportViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theProjectIsProposedBesideTheModelAndAnExistingOneIsNeverOverwritten() throws IOException {
        Path model = Files.writeString(dir.resolve("ResNet.ONNX"), "x");
        assertEquals(dir.resolve("ResNet.nwproj"), ModelImportViewModel.suggestedProject(model));
        Files.writeString(dir.resolve("ResNet.nwproj"), "mine");
        String why = ModelImportViewModel.whyNot(model, dir.resolve("ResNet.nwproj")).orElseThrow();
        assertTrue(why.contains("already exists"), why);
        assertTrue(ModelImportViewModel.whyNot(model, dir.resolve("x.txt")).orElseThrow().contains(".nwproj"));
        assertTrue(ModelImportViewModel.whyNot(dir.resolve("missing.onnx"), dir.resolve("y.nwproj")).isPresent());
        ModelImportViewModel vm = new ModelImportViewModel(args -> {
            throw new AssertionError("nothing may run: " + args);
        });
        assertEquals(Optional.empty(), vm.importModel(model, dir.resolve("ResNet.nwproj")).join().project());
        assertEquals("mine", Files.readString(dir.resolve("ResNet.nwproj")));
    }

    @Test
    void theCliIsAskedToImportAndItsAnswerBecomesTheProjectOrTheReason() throws IOException {
        Path model = Files.writeString(dir.resolve("net.onnx"), "x");
        Path project = dir.resolve("net.nwproj");
        ModelImportViewModel works = new ModelImportViewModel(args -> {
            assertEquals(List.of("import", model.toString(), "--out", project.toString(), "--json"), args);
            try {
                Files.writeString(project, "a project");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            return CompletableFuture.completedFuture(new CliJob.Outcome(0, Optional.empty(), ""));
        });
        assertEquals(Optional.of(project), works.importModel(model, project).join().project());

        Path other = dir.resolve("other.nwproj");
        ModelImportViewModel refuses = new ModelImportViewModel(args -> CompletableFuture.completedFuture(
                new CliJob.Outcome(2, Optional.empty(), "unsupported operators: 'n3' (NonMaxSuppression)")));
        ModelImportViewModel.Result r = refuses.importModel(model, other).join();
        assertEquals(Optional.empty(), r.project());
        assertEquals("unsupported operators: 'n3' (NonMaxSuppression)", r.error());
    }
}
