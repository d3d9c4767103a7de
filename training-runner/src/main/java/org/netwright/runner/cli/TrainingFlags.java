package org.netwright.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.netwright.model.json.SettingsFormatException;
import org.netwright.model.json.TaskJson;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;

/**
 * The training options of {@code train} (and of every command that trains), declared once: each flag's name,
 * how it changes the settings, and the reason when it does not apply (e.g. {@code --momentum} with Adam).
 */
final class TrainingFlags {
    static final Set<String> VALUE_FLAGS = Set.of("--epochs", "--batch-size", "--lr", "--seed", "--loss", "--optimizer",
            "--momentum", "--weight-decay", "--l1", "--schedule", "--clip-norm", "--clip-value", "--early-stopping",
            "--monitor", "--split", "--device", "--initializer", "--task");
    static final Set<String> SWITCHES = Set.of("--restore-best");

    private TrainingFlags() {
    }

    /** The settings with every training flag of {@code args} applied; throws UsageException saying what is wrong. */
    static TrainingSettings apply(Args args, TrainingSettings s) {
        s = s.withEpochs(args.intValue("--epochs", 1, 100_000).orElse(s.epochs()));
        s = s.withBatchSize(args.intValue("--batch-size", 1, 65_536).orElse(s.batchSize()));
        s = s.withLearningRate(args.doubleValue("--lr", 0, 10).orElse(s.learningRate()));
        s = s.withSeed(args.longValue("--seed").orElse(s.seed()));
        if (args.value("--optimizer").isPresent()) {
            String o = args.value("--optimizer").get();
            if (!TrainingSettings.OPTIMIZERS.contains(o)) {
                throw new UsageException("--optimizer must be one of " + String.join(", ", TrainingSettings.OPTIMIZERS)
                        + "; got '" + o + "'");
            }
            s = s.withOptimizer(o);
        }
        if (args.value("--loss").isPresent()) {
            s = s.withLoss(args.value("--loss").get());
        }
        TrainingOptions o = s.options();
        if (args.value("--momentum").isPresent()) {
            if (!List.of("momentum", "nesterov").contains(s.optimizer())) {
                throw new UsageException("--momentum applies to the optimizers momentum and nesterov; this run uses "
                        + s.optimizer() + (s.optimizer().startsWith("adam")
                        ? " (Adam and AdamW keep their own moments, set by beta1 and beta2)"
                        : " (use --optimizer momentum or nesterov to train with momentum)"));
            }
            o = o.withMomentum(fraction(args, "--momentum").orElseThrow());
        }
        o = o.withWeightDecay(fraction(args, "--weight-decay").orElse(o.weightDecay()));
        o = o.withL1(fraction(args, "--l1").orElse(o.l1()));
        o = o.withSchedule(args.value("--schedule").orElse(o.schedule()));
        o = o.withClipNorm(args.doubleValue("--clip-norm", 0, 1e9).orElse(o.clipNorm()));
        o = o.withClipValue(args.doubleValue("--clip-value", 0, 1e9).orElse(o.clipValue()));
        if (args.value("--early-stopping").isPresent() || args.value("--monitor").isPresent()) {
            int patience = args.intValue("--early-stopping", 1, 100_000).orElse(o.patience());
            o = o.withEarlyStopping(patience, args.value("--monitor").orElse(o.monitor()));
        }
        if (args.has("--restore-best")) {
            o = o.withRestoreBest(true);
        }
        o = o.withInitializer(args.value("--initializer").orElse(o.initializer()));
        if (args.value("--device").isPresent()) {
            String d = args.value("--device").get();
            if (!TrainingOptions.DEVICES.contains(d)) {
                throw new UsageException("--device must be auto, cpu or gpu; got '" + d + "'");
            }
            o = o.withDevice(d);
        }
        s = s.withOptions(o);
        if (args.value("--split").isPresent()) {
            s = split(s, args.value("--split").get());
        }
        if (args.value("--task").isPresent()) {
            s = s.withTask(task(args.value("--task").get()));
        }
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw new UsageException(problems.get(0));
        }
        return s;
    }

    /**
     * Refuses {@code --split} for data that split themselves (a {@code split} column in a table, a graph's node table
     * or graph table): the column would win and the fractions be ignored without a word.
     */
    static void refuseSplitBesideColumn(Args args, org.netwright.model.settings.DataRecipe recipe,
                                        java.nio.file.Path baseDir) {
        if (args.value("--split").isEmpty()) {
            return;
        }
        java.util.Optional<String> column;
        try {
            column = org.netwright.runner.data.DataSources.splitColumn(recipe, baseDir);
        } catch (RuntimeException e) {
            // Unreadable data are refused, with their own words, by whoever reads them.
            return;
        }
        column.ifPresent(c -> {
            throw new UsageException("--split " + args.value("--split").get() + " cannot apply: " + c + "; leave out"
                    + " --split to use the column, or remove the column to split by fractions.");
        });
    }

    /** A flag whose value is at least 0 and below 1. */
    private static java.util.Optional<Double> fraction(Args args, String flag) {
        return args.value(flag).map(text -> {
            try {
                double v = Double.parseDouble(text.trim());
                if (v >= 0 && v < 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // Reported below with the allowed range.
            }
            throw new UsageException(flag + " must be a number at least 0 and below 1; got '" + text + "'");
        });
    }

    /** {@code --split TRAIN,VAL,TEST}: three fractions adding up to 1, e.g. {@code 0.7,0.15,0.15}. */
    static TrainingSettings split(TrainingSettings s, String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new UsageException("--split takes three fractions TRAIN,VAL,TEST adding up to 1, e.g. 0.7,0.15,0.15;"
                    + " got '" + text + "'");
        }
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                f[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--split: '" + parts[i] + "' is not a number");
            }
            if (!(f[i] >= 0 && f[i] <= 1)) {
                throw new UsageException("--split: each fraction must be between 0 and 1; got " + parts[i]);
            }
        }
        if (Math.abs(f[0] + f[1] + f[2] - 1) > 1e-6 || f[0] <= 0) {
            throw new UsageException("--split: the fractions must add up to 1 and leave some data to train on; got '"
                    + text + "'");
        }
        return s.withSplit(f[1], f[2]);
    }

    /** {@code --task FILE.json} or the task's JSON text itself. */
    private static org.netwright.model.task.Task task(String value) {
        String text = value;
        if (!value.trim().startsWith("{")) {
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--task takes a task JSON file (as train --explain-task --json prints it) or"
                        + " its text; there is no file " + value);
            }
            try {
                if (Files.size(file) > 1_000_000) {
                    throw new UsageException("--task: " + value + " is over 1 MB, far too large for a task");
                }
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UsageException("--task: cannot read " + value + " (" + e.getMessage() + ")");
            }
        }
        try {
            var root = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(text);
            return TaskJson.fromJson(root.has("task") ? root.get("task") : root);
        } catch (SettingsFormatException e) {
            throw new UsageException("--task: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--task: this is not valid JSON (" + Cli.oneLine(e.getMessage()) + ")");
        }
    }
}
