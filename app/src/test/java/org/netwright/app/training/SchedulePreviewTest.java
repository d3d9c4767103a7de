package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.TemplateLibrary;

class SchedulePreviewTest {
    private final TrainingSettings initial = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings()
            .withEpochs(10).withBatchSize(32).withLearningRate(0.1).withSplit(0.2, 0.2);
    private final List<TrainingSettings> saved = new ArrayList<>();
    private final SettingsForm form = new SettingsForm(initial, saved::add);
    private final SimpleIntegerProperty samples = new SimpleIntegerProperty(1000);
    private final SchedulePreview preview = new SchedulePreview(form.settingsProperty(), samples);

    @Test
    void stepsPerEpochCountTheTrainingPartInBatchesAsTheRunnerDoes() {
        assertEquals(19, SchedulePreview.stepsPerEpoch(1000, initial), "600 samples in batches of 32");
        assertEquals(1, SchedulePreview.stepsPerEpoch(10, initial.withBatchSize(64)), "a batch larger than the data");
        assertEquals(0, SchedulePreview.stepsPerEpoch(0, initial), "unknown until the data is checked");
    }

    @Test
    void theChartHasTheRateOfEveryStepAgainstTheEpoch() {
        preview.specProperty().set("step:every=5,gamma=0.5");
        assertEquals(10 * 19 + 1, preview.pointCount());
        assertEquals(0.1, preview.data().getSeries(0).getY(0).doubleValue(), 1e-12);
        assertEquals(0.1, preview.data().getSeries(0).getY(5 * 19 - 1).doubleValue(), 1e-12, "epoch 5's last step");
        assertEquals(0.05, preview.data().getSeries(0).getY(5 * 19).doubleValue(), 1e-12, "epoch 6's first step");
        assertEquals(10.0, preview.data().getSeries(0).getX(10 * 19).doubleValue(), "up to the last epoch's end");
        assertTrue(preview.noteProperty().get().contains("10 epochs of 19 steps (from 1000 samples in batches of 32)"),
                preview.noteProperty().get());
    }

    @Test
    void theChartFollowsTheSavedSettingsAndTheDataSize() {
        assertEquals("", refusal(form.setSchedule("cosine")));
        assertEquals("cosine", preview.specProperty().get());
        assertTrue(preview.lastRate() < 1e-4, "the last step is almost at 0: " + preview.lastRate());
        assertEquals("", refusal(form.setEpochs("4")));
        assertEquals(4 * 19 + 1, preview.pointCount());
        samples.set(0);
        assertEquals(4 + 1, preview.pointCount(), "one step an epoch while the data is unknown");
        assertTrue(preview.noteProperty().get().contains("until the data is checked"), preview.noteProperty().get());
    }

    @Test
    void aSpecTheParserRefusesDrawsNothingAndSaysWhy() {
        preview.specProperty().set("cosine+step:every=2");
        assertTrue(preview.refusedProperty().get());
        assertEquals(0, preview.pointCount());
        assertTrue(preview.noteProperty().get().contains("only a warmup can be added"), preview.noteProperty().get());
        preview.specProperty().set("constant");
        assertFalse(preview.refusedProperty().get());
        assertEquals(0.1, preview.lastRate(), 1e-12);
    }

    private static String refusal(java.util.Optional<String> refusal) {
        return refusal.orElse("");
    }
}
