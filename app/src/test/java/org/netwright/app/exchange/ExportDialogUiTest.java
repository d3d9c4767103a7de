package org.netwright.app.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.cli.Cli;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export Trained Model…: a trained project is written as ONNX by the runner in a child process. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ExportDialogUiTest {
    @TempDir
    static Path dir;
    static Path project;

    @BeforeAll
    static void trainOneEpoch() {
        project = dir.resolve("moons.nwproj");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                project.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, status, err.toString());
    }

    @Start
    void start(Stage stage) {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            ExportViewModel model = new ExportViewModel(project, store.runs(), CliJob::start, Platform::runLater);
            new ExportDialog(stage, model).show();
        }
    }

    @Test
    void exportingWritesTheModelAndSaysWhatWasWritten(FxRobot robot) throws Exception {
        Path out = dir.resolve("onnx-out");
        robot.interact(() -> robot.lookup("#export-folder").queryAs(TextField.class).setText(out.toString()));
        assertTrue(robot.lookup("#export-format-description").queryAs(Label.class).getText().contains("ONNX Runtime"));
        robot.clickOn("#export-button");
        Label status = robot.lookup("#export-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> status.getText().startsWith("Exported")
                || status.getText().startsWith("Not exported"));
        assertTrue(status.getText().startsWith("Exported run 1 as ONNX to "), status.getText());
        assertTrue(status.getText().contains("model.onnx"), status.getText());
        assertTrue(Files.size(out.resolve("model.onnx")) > 0);
    }
}
