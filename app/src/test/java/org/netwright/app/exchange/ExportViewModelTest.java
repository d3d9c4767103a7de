package org.netwright.app.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.RunRecord;

class ExportViewModelTest {
    @TempDir
    Path dir;
    private final List<List<String>> commands = new ArrayList<>();

    private ExportViewModel model(CliJob.Outcome answer, boolean writeFile) {
        Path project = dir.resolve("moons.nwproj");
        List<RunRecord> runs = List.of(new RunRecord(1, "completed", "cpu", "", "", "{}", "{}"),
                new RunRecord(2, "stopped", "cpu", "", "", "{}", "{}"));
        return new ExportViewModel(project, runs, args -> {
            commands.add(args);
            if (writeFile) {
                try {
                    Path out = Path.of(args.get(args.indexOf("--out") + 1));
                    Files.createDirectories(out);
                    Files.writeString(out.resolve("model.onnx"), "x");
                    Files.writeString(out.resolve("README.md"), "x");
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }
            return CompletableFuture.completedFuture(answer);
        }, Runnable::run);
    }

    @Test
    void theLatestRunIsProposedFirstAndRunsNewestFirst() {
        ExportViewModel m = model(ok(), false);
        assertEquals(List.of("The latest run with trained weights", "Run 2 (stopped)", "Run 1 (completed)"),
                m.runs().stream().map(ExportViewModel.RunChoice::label).toList());
        assertEquals(dir.resolve("moons export").toString(), m.folderProperty().get());
    }

    @Test
    void theCommandNamesFormatFolderRunAndAgreementToReplace() {
        ExportViewModel m = model(ok(), false);
        m.formatProperty().set(ExportFormat.ALL.get(1));
        m.runProperty().set(m.runs().get(2));
        m.folderProperty().set(dir.resolve("out").toString());
        assertEquals(List.of("export", dir.resolve("moons.nwproj").toString(), "--format", "pytorch", "--out",
                dir.resolve("out").toString(), "--json", "--run", "1", "--force"), m.command(true));
        m.runProperty().set(m.runs().get(0));
        assertFalse(m.command(false).contains("--run"), "the latest run is the CLI's default");
        assertFalse(m.command(false).contains("--force"));
    }

    @Test
    void aFolderThatHoldsFilesIsOnlyWrittenWithAgreement() throws IOException {
        ExportViewModel m = model(ok(), true);
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        m.folderProperty().set(full.toString());
        assertEquals(ExportViewModel.FolderState.HAS_FILES, m.folderState());
        assertFalse(m.export(false).join());
        assertTrue(m.messageProperty().get().contains("already holds files"), m.messageProperty().get());
        assertTrue(m.failedProperty().get());
        assertTrue(commands.isEmpty(), "nothing ran");
        assertEquals("mine", Files.readString(full.resolve("notes.txt")));
        assertTrue(m.export(true).join());
        assertTrue(commands.get(0).contains("--force"));
    }

    @Test
    void noFolderOrAFileIsRefusedWithTheReason() throws IOException {
        ExportViewModel m = model(ok(), false);
        m.folderProperty().set("  ");
        assertFalse(m.export(false).join());
        assertEquals("Choose a folder to export into.", m.messageProperty().get());
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        m.folderProperty().set(file.toString());
        assertFalse(m.export(true).join());
        assertTrue(m.messageProperty().get().contains("is a file, not a folder"), m.messageProperty().get());
        assertTrue(commands.isEmpty());
    }

    @Test
    void successSaysWhatWasWrittenAndFailureGivesTheCliSentence() throws IOException {
        ExportViewModel m = model(ok(), true);
        m.folderProperty().set(dir.resolve("new").toString());
        assertTrue(m.export(false).join());
        assertEquals("Exported run 2 as ONNX to " + dir.resolve("new") + ": README.md, model.onnx.",
                m.messageProperty().get());
        assertFalse(m.failedProperty().get());
        assertFalse(m.busyProperty().get());

        ExportViewModel refused = model(new CliJob.Outcome(2, Optional.empty(),
                "node 'gcn_1' (gcn) has no ONNX operator: ONNX has no graph convolution"), false);
        refused.folderProperty().set(dir.resolve("other").toString());
        assertFalse(refused.export(false).join());
        assertEquals("Not exported: node 'gcn_1' (gcn) has no ONNX operator: ONNX has no graph convolution",
                refused.messageProperty().get());
        assertTrue(refused.failedProperty().get());
    }

    private static CliJob.Outcome ok() {
        try {
            return new CliJob.Outcome(0, Optional.of(new ObjectMapper().readTree("{\"run\":2,\"format\":\"onnx\"}")), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
