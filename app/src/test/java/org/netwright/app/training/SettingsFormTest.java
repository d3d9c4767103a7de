package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.TemplateLibrary;

class SettingsFormTest {
    private final TrainingSettings initial = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
    private final List<TrainingSettings> saved = new ArrayList<>();
    private final SettingsForm form = new SettingsForm(initial, saved::add);

    @Test
    void anAcceptedValueIsSavedAtOnce() {
        assertEquals(Optional.empty(), form.setEpochs(" 5 "));
        assertEquals(Optional.empty(), form.setLearningRate("0.002"));
        assertEquals(Optional.empty(), form.setOptimizer("sgd"));

        TrainingSettings expected = new TrainingSettings(5, initial.batchSize(), 0.002, "sgd", initial.loss(),
                initial.seed(), initial.validationSplit(), initial.testSplit(), initial.data());
        assertEquals(expected, form.settings());
        assertEquals(expected, saved.get(saved.size() - 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "epochs|0|Epochs must be between 1 and 100000",
        "epochs|ten|Epochs must be a whole number",
        "batch|-3|Batch size must be between 1 and 65536",
        "batch|2.5|Batch size must be a whole number",
        "lr|0|Learning rate must be above 0",
        "lr|fast|Learning rate must be a number",
        "optimizer|lbfgs|Optimizer must be one of"})
    void aRefusedValueSaysWhyAndChangesNothing(String field, String text, String reason) {
        Optional<String> refusal = switch (field) {
            case "epochs" -> form.setEpochs(text);
            case "batch" -> form.setBatchSize(text);
            case "lr" -> form.setLearningRate(text);
            default -> form.setOptimizer(text);
        };

        assertTrue(refusal.orElse("").startsWith(reason), refusal.toString());
        assertEquals(initial, form.settings());
        assertTrue(saved.isEmpty());
    }
}
