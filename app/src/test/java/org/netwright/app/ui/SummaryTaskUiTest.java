package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.editor.summary.SummaryRow;
import org.netwright.editor.summary.SummaryView;
import org.netwright.model.task.Task;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The model summary's parts follow the task at once when the task is edited (it once waited for the next edit of the network). */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class SummaryTaskUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        app = AppWindowFixture.open(stage, dir, gan.graph(), gan.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaskThatNamesThePartsOtherwiseShowsInTheSummaryAtOnce(FxRobot robot) {
        robot.clickOn("View").clickOn("Model Summary");
        AppWindowFixture.waitUntil("the summary", 5, () -> robot.lookup("#model-summary").tryQuery().isPresent());
        SummaryView view = robot.lookup("#model-summary").queryAs(SummaryView.class);
        List<SummaryRow> rows = view.summary().rows();
        String generatorNode = rows.stream().filter(r -> r.part().equals("Generator")).findFirst().orElseThrow().nodeId();
        String discriminatorNode = rows.stream().filter(r -> r.part().equals("Discriminator")).findFirst().orElseThrow()
                .nodeId();

        // A task that reads the parts the other way round: only the task changes, not the network.
        Task swapped = new Task(Task.GAN, List.of(), List.of(), List.of(),
                Map.of("generator", discriminatorNode, "discriminator", generatorNode));
        Optional<String>[] refused = new Optional[1];
        robot.interact(() -> refused[0] = app.window.trainingPanel().form().setTask(swapped));
        assertEquals(Optional.empty(), refused[0]);

        assertEquals("Discriminator", part(view, generatorNode), "the summary did not follow the task");
        assertEquals("Generator", part(view, discriminatorNode));
        robot.interact(() -> app.window.trainingPanel().form().setTask(null));
        assertEquals("Generator", part(view, generatorNode), "back to the noise input's part");
        assertTrue(view.summary().rows().stream().noneMatch(r -> r.part().isEmpty()));
    }

    private static String part(SummaryView view, String nodeId) {
        return view.summary().row(nodeId).orElseThrow().part();
    }
}
