package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.check.CheckData;
import org.netwright.runner.check.OverfitCheck;
import org.netwright.runner.check.OverfitVerdict;
import org.netwright.runner.check.RateRangeTest;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataOption;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.Template;

/**
 * {@code netwright check-overfit} and {@code netwright lr-find}: the two quick checks of a network before a long run,
 * on a project's (or a template's) graph, settings and data, with the training flags applied. Both train a throw-away
 * copy; the project file is opened read-only and keeps its weights and runs.
 */
final class CheckCommands {
    static final String OVERFIT_USAGE = "check-overfit (FILE.nwproj | --template ID) [--steps N] [--batch-size N]"
            + " [--lr X] [--optimizer O] [--seed S] [--json]";
    static final String LR_FIND_USAGE = "lr-find (FILE.nwproj | --template ID) [--from 1e-6] [--to 1] [--steps N]"
            + " [--batch-size N] [--optimizer O] [--seed S] [--json]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckCommands() {
    }

    /** {@code check-overfit}: exit 0 with a healthy verdict, 1 when the network could not memorise the batch. */
    static int overfit(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, flags("--template", "--steps"), Set.of("--json"));
        Source source = Source.from(args, false);
        TrainingSettings settings = settings(args, source);
        int steps = args.intValue("--steps", 1, 100_000).orElse(OverfitCheck.DEFAULT_STEPS);
        boolean json = args.has("--json");
        OverfitCheck.Result r;
        try {
            r = OverfitCheck.run(source.graph(), settings, data(source, settings), steps, loss -> { });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        OverfitVerdict v = r.verdict();
        if (json) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("check", "overfit");
            o.put("healthy", v.memorised());
            o.put("batch", v.batch());
            o.put("steps", v.steps());
            InsightJson.put(o, "first_loss", v.first());
            InsightJson.put(o, "final_loss", v.last());
            InsightJson.put(o, "best_loss", v.best());
            ArrayNode losses = o.putArray("losses");
            for (double l : r.losses()) {
                InsightJson.add(losses, l);
            }
            o.put("verdict", v.sentence());
            out.println(o);
        } else {
            out.println(v.sentence());
        }
        return v.memorised() ? 0 : 1;
    }

    /** {@code lr-find}: the loss at each rate, the smoothed curve and the suggested rate. */
    static int lrFind(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, flags("--template", "--steps", "--from", "--to"), Set.of("--json"));
        if (args.value("--lr").isPresent()) {
            throw new UsageException("lr-find varies the learning rate itself; give its range with --from and --to");
        }
        Source source = Source.from(args, false);
        TrainingSettings settings = settings(args, source);
        int steps = args.intValue("--steps", 1, 100_000).orElse(RateRangeTest.DEFAULT_STEPS);
        double from = args.doubleValue("--from", 0, 100).orElse(RateRangeTest.DEFAULT_FROM);
        double to = args.doubleValue("--to", 0, 100).orElse(RateRangeTest.DEFAULT_TO);
        boolean json = args.has("--json");
        RateRangeTest.Result r;
        try {
            r = RateRangeTest.run(source.graph(), settings, data(source, settings), from, to, steps, p -> { });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (json) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("check", "lr_range");
            ArrayNode rates = o.putArray("rates");
            ArrayNode losses = o.putArray("losses");
            ArrayNode smoothed = o.putArray("smoothed");
            for (int i = 0; i < r.curve().rates().length; i++) {
                InsightJson.add(rates, r.curve().rates()[i]);
                InsightJson.add(losses, r.curve().losses()[i]);
                InsightJson.add(smoothed, r.curve().smoothed()[i]);
            }
            if (r.suggested().isPresent()) {
                o.put("suggested", r.suggested().getAsDouble());
            } else {
                o.putNull("suggested");
            }
            int low = r.curve().lowest().orElse(-1);
            if (low >= 0) {
                o.put("lowest_at", r.curve().rates()[low]);
            }
            o.put("diverged", r.diverged());
            o.put("message", r.sentence());
            out.println(o);
        } else {
            for (int i = 0; i < r.curve().rates().length; i++) {
                out.println(String.format(Locale.ROOT, "%-12.4g %-12.5g %.5g", r.curve().rates()[i],
                        r.curve().losses()[i], r.curve().smoothed()[i]));
            }
            out.println(r.sentence());
        }
        return 0;
    }

    private static Set<String> flags(String... own) {
        Set<String> all = new HashSet<>(TrainingFlags.VALUE_FLAGS);
        all.addAll(List.of(own));
        return all;
    }

    /** The source's settings with the training flags applied; a template without data of its own is refused. */
    private static TrainingSettings settings(Args args, Source source) {
        TrainingSettings s = TrainingFlags.apply(args, source.settings().orElseThrow(() -> new UsageException(
                source.name() + " has no training settings")));
        if (Template.needsUserData(s.data())) {
            throw new UsageException(source.name() + " has no data of its own; " + (DataOption.forApp()
                    ? "choose your data with " + DataOption.DATA.where() + " first"
                    : "train it on your data first (netwright train --template " + source.name()
                    + " --data PATH --save FILE.nwproj) and check that project"));
        }
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw new UsageException(problems.get(0));
        }
        return s;
    }

    /** The data a run of these settings would read, in its form (samples, one graph's nodes, a set of graphs). */
    private static CheckData data(Source source, TrainingSettings settings) {
        Path baseDir = source.projectFile().map(p -> p.toAbsolutePath().getParent()).orElse(Path.of(""));
        try {
            if (DataSources.isGraphSet(settings.data(), baseDir)) {
                return new CheckData.GraphSetData(DataSources.loadGraphSetSplit(settings, baseDir));
            }
            if (DataSources.isGraph(settings.data(), baseDir)) {
                return new CheckData.NodeData(DataSources.loadNodeSplit(settings, baseDir));
            }
            return new CheckData.SampleData(DataSources.loadSplit(settings, baseDir, NetworkEnds.of(source.graph()),
                    notice -> { }));
        } catch (DataFileException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
