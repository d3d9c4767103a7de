package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.settings.TrainingOptions;
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

    @Test
    void everyOptionIsSavedAndTheOthersStay() {
        assertEquals(Optional.empty(), form.setOptimizer("nesterov"));
        assertEquals(Optional.empty(), form.setMomentum("0.8"));
        assertEquals(Optional.empty(), form.setWeightDecay("1e-4"));
        assertEquals(Optional.empty(), form.setL1("0.001"));
        assertEquals(Optional.empty(), form.setSchedule("warmup:steps=10+cosine"));
        assertEquals(Optional.empty(), form.setClipNorm("1"));
        assertEquals(Optional.empty(), form.setClipValue("0.5"));
        assertEquals(Optional.empty(), form.setPatience("3"));
        assertEquals(Optional.empty(), form.setMonitor("val_accuracy"));
        assertEquals(Optional.empty(), form.setRestoreBest(true));
        assertEquals(Optional.empty(), form.setInitializer("xavier"));
        assertEquals(Optional.empty(), form.setDevice("cpu"));
        assertEquals(Optional.empty(), form.setLoss("mse"));
        assertEquals(Optional.empty(), form.setValidationSplit("0.1"));
        assertEquals(Optional.empty(), form.setTestSplit("0.05"));

        TrainingOptions expected = new TrainingOptions(0.8, 0.9, 0.999, 1e-8, 1e-4, 0.001, "warmup:steps=10+cosine",
                1, 0.5, 3, "val_accuracy", true, "xavier", "cpu");
        TrainingSettings s = form.settings();
        assertEquals(expected, s.options());
        assertEquals("mse", s.loss());
        assertEquals(0.1, s.validationSplit());
        assertEquals(0.05, s.testSplit());
        assertEquals(initial.epochs(), s.epochs());
        assertEquals(s, saved.get(saved.size() - 1));
    }

    @Test
    void anotherOptimizerPutsBackTheParametersItDoesNotTake() {
        form.setOptimizer("momentum");
        form.setMomentum("0.5");
        form.setOptimizer("adam");
        form.setBeta1("0.8");
        form.setEpsilon("1e-6");
        assertEquals(0.9, form.settings().options().momentum(), "Adam has no momentum");
        assertEquals(0.8, form.settings().options().beta1());

        form.setOptimizer("sgd");
        assertEquals(TrainingOptions.DEFAULTS, form.settings().options(), "sgd takes neither betas nor epsilon");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "momentum|1.5|Momentum must be at least 0 and below 1",
        "momentum|much|Momentum must be a number such as 0.9",
        "clipNorm|-1|Gradient clipping limits must be 0 (off) or positive numbers",
        "patience|-2|Early-stopping patience must be between 0",
        "schedule|cosine+step:every=2|The schedule 'cosine+step:every=2' combines",
        "schedule|cosine:min=5|",
        "validation|0.8|Validation and test fractions must be 0 or more and together below 0.9",
        "monitor|val loss|The watched metric must be a metric's name",
        "loss|hinge|Loss must be one of"})
    void aRefusedOptionSaysWhyAndChangesNothing(String field, String text, String reason) {
        Optional<String> refusal = switch (field) {
            case "momentum" -> form.setMomentum(text);
            case "clipNorm" -> form.setClipNorm(text);
            case "patience" -> form.setPatience(text);
            case "schedule" -> form.setSchedule(text);
            case "validation" -> form.setValidationSplit(text);
            case "monitor" -> form.setMonitor(text);
            default -> form.setLoss(text);
        };

        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().startsWith(reason == null ? "" : reason), refusal.get());
        assertEquals(initial, form.settings());
        assertTrue(saved.isEmpty());
    }
}
