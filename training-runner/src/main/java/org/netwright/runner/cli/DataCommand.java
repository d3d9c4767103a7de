package org.netwright.runner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.data.DataSummary;

/**
 * {@code netwright data PATH [data options] [--split T,V,T] [--seed N] [--json]}: what a run would see of the data,
 * without training: the kind detected, samples, fields, task, label and feature columns, classes with counts (and an
 * imbalance warning), the split, missing cells and their policy, and every choice made for the user. Data that
 * cannot be read is reported as the first problem found (exit status 2), in words or as
 * {@code {"problem":"..."}} with {@code --json}.
 */
final class DataCommand {
    static final String USAGE = "data PATH [--label COLUMN] [--features A,B] [--missing drop|mean|mode|error]"
            + " [--test PATH] [--text-column COLUMN] [--tokenizer word|char] [--vocabulary N] [--max-length N]"
            + " [--split T,V,T] [--seed N] [--json]";
    private static final Set<String> VALUE_FLAGS = union(DataFlags.VALUE_FLAGS, Set.of("--split", "--seed"));
    private static final Set<String> SWITCHES = union(DataFlags.SWITCHES, Set.of("--json"));

    private DataCommand() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, VALUE_FLAGS, SWITCHES);
        if (args.positionals().size() != 1) {
            throw new UsageException("name one data file or folder; usage: netwright " + USAGE);
        }
        DataRecipe recipe = DataFlags.apply(args, TrainCommand.dataRecipe(args.positionals().get(0)));
        TrainingSettings settings = TrainCommand.GRAPH_FILE_DEFAULTS.withData(recipe);
        settings = settings.withSeed(args.longValue("--seed").orElse(settings.seed()));
        if (args.value("--split").isPresent()) {
            TrainingFlags.refuseSplitBesideColumn(args, recipe, Path.of(""));
            settings = TrainingFlags.split(settings, args.value("--split").get());
        }
        boolean json = args.has("--json");
        DataSummary summary;
        try {
            summary = DataSources.describe(settings, Path.of(""));
        } catch (DataFileException | IllegalArgumentException e) {
            if (json) {
                out.println(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("problem",
                        Cli.oneLine(e.getMessage())));
            }
            throw new UsageException(e.getMessage());
        }
        if (json) {
            out.println(DataReport.json(summary));
        } else {
            DataReport.lines(summary).forEach(out::println);
        }
        return 0;
    }
}
