package org.netwright.app.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyIntegerProperty;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;

/**
 * The options dialog's state: every training option beyond epochs, batch size and learning rate, in sections,
 * each an {@link OptionField} saved through the {@link SettingsForm}, and the preview of the learning-rate schedule.
 */
public final class TrainingOptionsModel {
    /** Metrics an epoch can report that early stopping may watch; a project's own choice is added when missing. */
    static final List<String> MONITORS = List.of("val_loss", "train_loss", "val_accuracy", "val_mae", "val_rmse",
            "val_r2", "val_token_accuracy", "val_perplexity");

    private final SettingsForm form;
    private final Map<String, List<OptionField>> sections = new LinkedHashMap<>();
    private final List<OptionField> all = new ArrayList<>();
    private final SchedulePreview schedule;

    /** @param samples how many samples the checked data holds (0 while unknown), to count steps per epoch */
    public TrainingOptionsModel(SettingsForm form, ReadOnlyIntegerProperty samples) {
        this.form = form;
        this.schedule = new SchedulePreview(form.settingsProperty(), samples);
        TrainingSettings s = form.settings();

        section("Optimizer",
                choice("optimizer", "Optimizer", TrainingSettings.OPTIMIZERS, TrainingSettings::optimizer,
                        form::setOptimizer, "How the weights move each step: sgd goes straight down the slope, "
                                + "momentum and nesterov keep some speed, adagrad and rmsprop give each weight its own "
                                + "step size, adam and adamw do both (a good first choice)."),
                text("momentum", "Momentum", o -> o.momentum(), form::setMomentum, optimizerTakes("momentum"),
                        "How much of the last step carries into the next one (0 none, 0.9 usual). "
                                + "Only for momentum and nesterov."),
                text("beta1", "Beta 1", o -> o.beta1(), form::setBeta1, optimizerTakes("beta1"),
                        "How long Adam remembers which way the gradients pointed (0.9 usual). Adam and AdamW only."),
                text("beta2", "Beta 2", o -> o.beta2(), form::setBeta2, optimizerTakes("beta2"),
                        "How long Adam remembers how large the gradients were (0.999 usual). Adam and AdamW only."),
                text("epsilon", "Epsilon", o -> o.epsilon(), form::setEpsilon, optimizerTakes("epsilon"),
                        "A tiny number added before dividing, so a weight with almost no gradient does not get a "
                                + "huge step. Left at 1e-8, AdaGrad keeps its own 1e-10."));
        section("Loss and data",
                choice("loss", "Loss", TrainingSettings.LOSSES, TrainingSettings::lossName, form::setLoss,
                        "What the network is scored on and learns to lower. auto lets the task pick for each output: "
                                + "cross_entropy for classes, mse for numbers."),
                textOf("validation-split", "Validation", st -> num(st.validationSplit()), form::setValidationSplit,
                        st -> true, "Share of the samples held back and checked after every epoch; the network "
                                + "never trains on them. 0.15 keeps 15 %."),
                textOf("test-split", "Test", st -> num(st.testSplit()), form::setTestSplit, st -> true,
                        "Share of the samples kept aside until the end for the final score."));
        section("Learning-rate schedule",
                text("schedule", "Schedule", null, form::setSchedule, st -> true,
                        "How the learning rate changes during the run: constant, step:every=10,gamma=0.5, "
                                + "exponential:gamma=0.95, cosine, onecycle, plateau, or a warm-up in front, as in "
                                + "warmup:steps=100+cosine. The chart shows the rate before you train."));
        section("Regularization and clipping",
                text("weight-decay", "Weight decay", o -> o.weightDecay(), form::setWeightDecay, st -> true,
                        "Pulls every weight a little toward 0 each step, so the network prefers small weights "
                                + "and overfits less (0 off; AdamW's usual value is 0.01)."),
                text("l1", "L1", o -> o.l1(), form::setL1, st -> true,
                        "Pushes weights toward exactly 0, so only the ones that matter stay (0 off)."),
                text("clip-norm", "Clip norm", o -> o.clipNorm(), form::setClipNorm, st -> true,
                        "When all gradients together are longer than this, they are scaled down to it, so one "
                                + "bad batch cannot throw the weights far (0 off)."),
                text("clip-value", "Clip value", o -> o.clipValue(), form::setClipValue, st -> true,
                        "Cuts every single gradient to lie between minus and plus this value (0 off)."));
        section("Early stopping",
                textOf("patience", "Patience", st -> Integer.toString(st.options().patience()), form::setPatience,
                        st -> true, "Ends the run when the watched metric has not improved for this many epochs "
                                + "(0 trains every epoch)."),
                choice("monitor", "Watch", monitors(s.options().monitor()), st -> st.options().monitor(),
                        form::setMonitor, "The epoch's number that early stopping and restore best watch: losses and "
                                + "errors should go down, accuracy and R² up."),
                flag("restore-best", "Restore best", st -> st.options().restoreBest(),
                        v -> form.setRestoreBest(Boolean.parseBoolean(v)),
                        "Ends with the weights of the best epoch by the watched metric instead of the last one's."));
        section("Start and device",
                choice("initializer", "Initializer", TrainingOptions.INITIALIZERS, st -> st.options().initializer(),
                        form::setInitializer, "How the weights start: default is each layer's own; xavier and he are "
                                + "scaled to the layer's size (he suits ReLU); normal and uniform are plain random; "
                                + "zeros starts every weight at 0, which usually cannot learn."),
                choice("device", "Device", TrainingOptions.DEVICES, st -> st.options().device(), form::setDevice,
                        "Where the run computes: auto takes a GPU when one is found, else this computer's CPU."));

        form.settingsProperty().addListener((o, before, after) -> refresh(after));
        refresh(s);
    }

    private void refresh(TrainingSettings s) {
        for (OptionField f : all) {
            f.refresh(s);
        }
    }

    private void section(String title, OptionField... fields) {
        sections.put(title, List.of(fields));
        all.addAll(List.of(fields));
    }

    /** The options by section title, in the order the dialog shows them. */
    public Map<String, List<OptionField>> sections() {
        return sections;
    }

    /** The option with CSS id {@code id} (e.g. {@code option-momentum}). */
    public Optional<OptionField> field(String id) {
        return all.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public SchedulePreview schedule() {
        return schedule;
    }

    public SettingsForm form() {
        return form;
    }

    private static List<String> monitors(String current) {
        List<String> out = new ArrayList<>(MONITORS);
        if (!out.contains(current)) {
            out.add(current);
        }
        return out;
    }

    private static Predicate<TrainingSettings> optimizerTakes(String key) {
        return st -> OptionRules.applies(st.optimizer(), key);
    }

    /** A number of {@link TrainingOptions}; a null getter means the schedule text. */
    private static OptionField text(String id, String label, Function<TrainingOptions, Double> get,
                                    Function<String, Optional<String>> commit, Predicate<TrainingSettings> applies,
                                    String help) {
        Function<TrainingSettings, String> show = get == null ? st -> st.options().schedule()
                : st -> num(get.apply(st.options()));
        return textOf(id, label, show, commit, applies, help);
    }

    private static OptionField textOf(String id, String label, Function<TrainingSettings, String> show,
                                      Function<String, Optional<String>> commit, Predicate<TrainingSettings> applies,
                                      String help) {
        return new OptionField("option-" + id, label, help, OptionField.Kind.TEXT, List.of(), show, commit, applies);
    }

    private static OptionField choice(String id, String label, List<String> choices,
                                      Function<TrainingSettings, String> show, Function<String, Optional<String>> commit,
                                      String help) {
        return new OptionField("option-" + id, label, help, OptionField.Kind.CHOICE, choices, show, commit, st -> true);
    }

    private static OptionField flag(String id, String label, Predicate<TrainingSettings> get,
                                    Function<String, Optional<String>> commit, String help) {
        return new OptionField("option-" + id, label, help, OptionField.Kind.FLAG, List.of(),
                st -> Boolean.toString(get.test(st)), commit, st -> true);
    }

    /** A number as a person writes it: 0.9, 0.999, 1e-8, 0 (not 0.0 or 1.0E-8). */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        // Plain digits for everyday sizes (100, not 1E+2); tiny ones such as epsilon stay short (1E-8).
        return Math.abs(v) >= 1e-4 ? d.toPlainString() : d.toString().replace("E", "e");
    }
}
