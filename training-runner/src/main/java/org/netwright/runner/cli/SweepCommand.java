package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.run.RunEventJson;
import org.netwright.model.run.SweepPlan;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.sweep.Sweep;
import org.netwright.runner.sweep.TrialResult;

/**
 * {@code netwright sweep PROJECT --trials N --param NAME=SPEC... [--epochs E] [--parallel P] [--seed S]
 * [--metric M] [--json]}: random search, each trial a run of the project in its own process; one line per trial
 * as it ends, then the best trial. Exits 1 when no trial finished.
 */
final class SweepCommand {
    static final String USAGE = "sweep FILE.nwproj --trials N --param NAME=SPEC [--param ...] [--epochs E]"
            + " [--parallel P] [--seed S] [--metric M] [--json]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SweepCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, Set.of("--trials", "--param", "--epochs", "--parallel", "--seed", "--metric"),
                Set.of("--json"), Set.of("--param"));
        if (args.positionals().size() != 1 || !args.positionals().get(0).endsWith(ProjectStore.EXTENSION)) {
            throw new UsageException("sweep takes one project file, which keeps every trial as a run: " + USAGE);
        }
        Path project = Path.of(args.positionals().get(0)).toAbsolutePath();
        if (!Files.isRegularFile(project)) {
            throw new UsageException("there is no file " + project);
        }
        int trials = args.intValue("--trials", 1, 10_000).orElseThrow(() -> new UsageException(
                "sweep needs --trials N, how many settings to try"));
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = args.intValue("--parallel", 1, 256).orElse(1);
        long seed = args.longValue("--seed").orElse(1L);
        SweepPlan plan;
        try {
            plan = SweepPlan.parse(args.values("--param"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> common = new ArrayList<>();
        Optional<Integer> epochs = args.intValue("--epochs", 1, 100_000);
        if (epochs.isPresent()) {
            if (plan.params().stream().anyMatch(p -> p.name().equals("epochs"))) {
                throw new UsageException("--epochs and --param epochs=... both set the epochs; give one");
            }
            common.add("--epochs");
            common.add(Integer.toString(epochs.get()));
        }
        // The project must open before trials start, so a bad file is one line, not N failed trials.
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            if (store.loadSettings().isEmpty()) {
                throw new UsageException(project.getFileName() + " has no training settings to vary; train it once"
                        + " (netwright train ... --save) or set them in the app");
            }
        }
        Sweep sweep = new Sweep(project, plan, trials, seed, common, parallel, cores);
        boolean json = args.has("--json");
        if (!json) {
            out.println("Sweep of " + trials + " trials, " + sweep.parallel() + " at a time with "
                    + sweep.threadsPerTrial() + " thread(s) each:");
            out.flush();
        }
        long start = System.nanoTime();
        List<TrialResult> results = sweep.run(r -> {
            out.println(json ? trialJson(r) : trialText(r));
            out.flush();
        });
        String metric = args.value("--metric").orElseGet(() -> results.stream().anyMatch(r -> r.metric("val_loss")
                != null) ? "val_loss" : "train_loss");
        Optional<TrialResult> best = Sweep.best(results, metric);
        double seconds = (System.nanoTime() - start) / 1e9;
        long completed = results.stream().filter(r -> r.metrics() != null).count();
        if (json) {
            ObjectNode line = MAPPER.createObjectNode();
            if (best.isPresent()) {
                line.put("best", best.get().trial());
                line.put("run_id", best.get().runId());
                line.set("params", params(best.get().params()));
                line.put("value", best.get().metric(metric));
            } else {
                line.putNull("best");
            }
            line.put("metric", metric);
            line.put("trials", trials);
            line.put("finished", completed);
            line.put("parallel", sweep.parallel());
            line.put("threads_per_trial", sweep.threadsPerTrial());
            line.put("seconds", Math.round(seconds * 10) / 10.0);
            out.println(line);
        } else if (best.isPresent()) {
            out.println(String.format(Locale.ROOT, "Best: trial %d (run %d), %s %.4g, with %s. %d of %d trials"
                    + " finished in %.0f s; every trial is kept as a run (netwright runs %s).", best.get().trial(),
                    best.get().runId(), metric, best.get().metric(metric), words(best.get().params()), completed, trials,
                    seconds, project.getFileName()));
        } else {
            out.println("No trial measured " + metric + "; see each trial's line above.");
        }
        if (completed == 0) {
            err.println("netwright: no trial of the sweep finished");
            return 1;
        }
        return 0;
    }

    private static ObjectNode trialJson(TrialResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("trial", r.trial());
        o.put("run_id", r.runId());
        o.set("params", params(r.params()));
        o.put("status", r.status());
        if (r.metrics() != null) {
            o.set("final", RunEventJson.finalFields(r.metrics()));
        } else {
            o.put("message", r.message());
        }
        return o;
    }

    private static ObjectNode params(Map<String, Number> values) {
        ObjectNode o = MAPPER.createObjectNode();
        values.forEach((k, v) -> {
            if (v instanceof Long || v instanceof Integer) {
                o.put(k, v.longValue());
            } else {
                o.put(k, v.doubleValue());
            }
        });
        return o;
    }

    private static String trialText(TrialResult r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "trial %d  %s  %s", r.trial(), words(r.params()),
                r.status()));
        if (r.metrics() != null) {
            Double val = r.metric("val_loss");
            if (val != null) {
                b.append(String.format(Locale.ROOT, "  val_loss %.4g", val));
            }
            Double acc = r.metric("val_accuracy");
            if (acc != null) {
                b.append(String.format(Locale.ROOT, "  val_accuracy %.4f", acc));
            }
            b.append("  (run ").append(r.runId()).append(')');
        } else {
            b.append(": ").append(Cli.oneLine(r.message()));
        }
        return b.toString();
    }

    private static String words(Map<String, Number> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + (v instanceof Long ? v.toString()
                : String.format(Locale.ROOT, "%.4g", v.doubleValue()))));
        return String.join(" ", parts);
    }
}
