package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.bench.Benchmark;
import org.netwright.runner.bench.Family;
import org.netwright.runner.bench.FamilyResult;
import org.netwright.runner.bench.Listeners;
import org.netwright.runner.bench.OpCounts;
import org.netwright.runner.bench.StepClock;
import org.netwright.runner.run.RunListener;

/**
 * {@code netwright bench}: times a training step of each template family in our runner against the same model in
 * plain DJL and prints the ratios (ours/plain, goal at most 1.0), the per-step listeners' overhead (goal under 3 %)
 * and the batch assembly time; {@code --json} prints one JSON line per family and thread count instead of the table.
 */
final class BenchCommand {
    static final String USAGE = "bench [--family cnn|lstm|transformer|gcn|gan|vae|all] [--steps N] [--warmup N]"
            + " [--rounds N] [--threads 1|all|both] [--clock wall|cpu] [--no-prefetch] [--json]"
            + " | bench --ops [--family ...] [--steps N] [--warmup N]"
            + " | bench --data PATH --template ID [--epochs N] [--batch-size N] [--cache-mb MB] [--rounds N] [--json]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        if (argv.contains("--data")) {
            return dataWait(argv);
        }
        Args args = Args.parse(argv, Set.of("--family", "--steps", "--warmup", "--rounds", "--threads", "--clock"),
                Set.of("--json", "--ops", "--no-prefetch"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException("bench takes no file; got '" + args.positionals().get(0) + "'; usage: " + USAGE);
        }
        List<Family> families;
        try {
            families = Family.parse(args.value("--family").orElse("all"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("--ops")) {
            return ops(families, args.intValue("--steps", 1, 1000).orElse(10),
                    args.intValue("--warmup", 0, 100_000).orElse(30));
        }
        // 200 steps after 30 warm-up ones: a shorter window times the run's start (JIT, the writer thread) rather than its steady state.
        int steps = args.intValue("--steps", 1, 100_000).orElse(200);
        int warmup = args.intValue("--warmup", 0, 100_000).orElse(30);
        int rounds = args.intValue("--rounds", 1, 1000).orElse(3);
        List<Integer> threads = switch (args.value("--threads").orElse("both")) {
            case "1" -> List.of(1);
            case "all" -> List.of(Benchmark.allCores());
            case "both" -> Benchmark.allCores() == 1 ? List.of(1) : List.of(1, Benchmark.allCores());
            default -> throw new UsageException("--threads takes 1, all or both; got '" + args.value("--threads").get()
                    + "'");
        };
        boolean json = args.has("--json");
        StepClock clock;
        try {
            clock = StepClock.parse(args.value("--clock").orElse("wall"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Benchmark bench = new Benchmark(steps, warmup, rounds, BenchCommand::realListeners,
                what -> err.println("netwright: timing " + what), clock);
        if (args.has("--no-prefetch")) {
            bench.withoutPrefetch();
        }
        if (!json) {
            out.println("Median ms per training step" + (clock == StepClock.CPU ? " (CPU time of the training thread)"
                    : "") + " (" + steps + " timed steps after " + warmup + " warm-up, "
                    + rounds + " interleaved rounds; range = lowest..highest round median)");
            out.println(String.format(Locale.ROOT, "%-12s %7s %18s %18s %7s %11s %13s", "family", "threads",
                    "ours ms (range)", "plain DJL (range)", "ratio", "listeners", "batch build"));
        }
        for (Family f : families) {
            for (FamilyResult r : bench.run(f, threads)) {
                out.println(json ? jsonLine(r) : row(r));
                out.flush();
            }
        }
        if (!json) {
            out.println("ratio = ours / plain DJL (goal <= 1.00); listeners = extra step time with the event stream and"
                    + " the project recorder (goal < 3 %); batch build = assembling a batch, in % of our step.");
        }
        return 0;
    }

    /**
     * {@code bench --ops}: libtorch's operations per training step on the training thread, ours and plain DJL's,
     * and the ops whose counts differ.
     */
    private int ops(List<Family> families, int steps, int warmup) {
        out.println("libtorch ops per training step on the training thread (" + steps + " steps profiled after "
                + warmup + ", or all but the first and last of a shorter epoch; an op called inside another counts"
                + " with it)");
        out.println(String.format(Locale.ROOT, "%-12s %8s %8s  %s", "family", "ours", "plain", "ours - plain, by op"));
        for (Family f : families) {
            err.println("netwright: profiling " + f.id());
            OpCounts.Comparison c = OpCounts.compare(f, warmup, steps);
            List<String> diff = new ArrayList<>();
            c.differences().forEach((name, d) -> diff.add(name.replace("autograd::engine::evaluate_function: ", "grad:")
                    + " " + String.format(Locale.ROOT, "%+.2f", d).replace(".00", "")));
            out.println(String.format(Locale.ROOT, "%-12s %8.2f %8.2f  %s", f.id(), c.oursTotal(), c.plainTotal(),
                    diff.isEmpty() ? "none" : String.join(", ", diff)));
            out.flush();
        }
        return 0;
    }

    /**
     * {@code bench --data PATH --template ID}: the template fitted to the data, trained without and with batch
     * prefetching, and the training thread's wait for its batches per step in each.
     */
    private int dataWait(List<String> argv) {
        java.util.Set<String> values = new java.util.HashSet<>(DataFlags.VALUE_FLAGS);
        values.addAll(Set.of("--data", "--template", "--epochs", "--batch-size", "--rounds"));
        java.util.Set<String> switches = new java.util.HashSet<>(DataFlags.SWITCHES);
        switches.add("--json");
        Args args = Args.parse(argv, values, switches);
        String id = args.value("--template").orElseThrow(() -> new UsageException("bench --data needs --template ID;"
                + " usage: " + USAGE));
        org.netwright.templates.Template template = org.netwright.templates.TemplateLibrary.find(id).orElseThrow(
                () -> new UsageException("No template '" + id + "'; see netwright templates."));
        Path data = Path.of(args.value("--data").orElseThrow()).toAbsolutePath();
        org.netwright.model.settings.TrainingSettings settings = template.settings()
                .withData(DataFlags.apply(args, org.netwright.runner.data.DataSources.recipeFor(data)));
        settings = settings.withEpochs(args.intValue("--epochs", 1, 10_000).orElse(2));
        int batch = args.intValue("--batch-size", 1, 100_000).orElse(settings.batchSize());
        settings = settings.withBatchSize(batch);
        int rounds = args.intValue("--rounds", 1, 100).orElse(1);
        org.netwright.runner.data.DataSources.Fitted fitted = org.netwright.runner.data.DataSources.fitNetwork(
                template.graph(), settings, null);
        boolean json = args.has("--json");
        if (!json) {
            out.println("Batch wait of the training thread, " + id + " on " + data + " (" + settings.epochs()
                    + " epochs, batch " + batch + ")");
            out.println(String.format(Locale.ROOT, "%-16s %13s %15s %10s %7s %11s", "run", "batch ms/step",
                    "blocked ms/step", "step ms", "steps", "prefetched"));
        }
        Map<String, org.netwright.runner.bench.DataWaitBench.Result> results =
                org.netwright.runner.bench.DataWaitBench.run(fitted.graph(), fitted.settings(), null, rounds);
        for (Map.Entry<String, org.netwright.runner.bench.DataWaitBench.Result> e : results.entrySet()) {
            var r = e.getValue();
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("run", e.getKey()).put("prefetch", r.prefetch()).put("batch_ms_per_step", round(r.waitMsPerStep()))
                        .put("blocked_ms_per_step", round(r.blockedMsPerStep()))
                        .put("step_ms", round(r.stepMs())).put("steps", r.steps()).put("prefetched", r.prefetched())
                        .put("status", r.status());
                out.println(o);
            } else {
                out.println(String.format(Locale.ROOT, "%-16s %13.3f %15.3f %10.3f %7d %11d", e.getKey(),
                        r.waitMsPerStep(), r.blockedMsPerStep(), r.stepMs(), r.steps(), r.prefetched()));
            }
        }
        return 0;
    }

    private static String row(FamilyResult r) {
        return String.format(Locale.ROOT, "%-12s %7d %18s %18s %6.2fx %10.1f%% %7.3f ms %4.1f%%", r.family().id(),
                r.threads(), timing(r.ours()), timing(r.plain()), r.ratio(), r.listenerOverheadPercent(), r.assemblyMs(),
                r.assemblyPercent());
    }

    private static String timing(FamilyResult.Timing t) {
        return String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", t.medianMs(), t.lowMs(), t.highMs());
    }

    static String jsonLine(FamilyResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("family", r.family().id()).put("template", r.family().template()).put("threads", r.threads());
        o.put("ours_ms", round(r.ours().medianMs())).put("plain_ms", round(r.plain().medianMs()))
                .put("ratio", round(r.ratio()));
        o.putArray("ours_range_ms").add(round(r.ours().lowMs())).add(round(r.ours().highMs()));
        o.putArray("plain_range_ms").add(round(r.plain().lowMs())).add(round(r.plain().highMs()));
        o.put("with_listeners_ms", round(r.withListeners().medianMs()))
                .put("listener_overhead_pct", round(r.listenerOverheadPercent()))
                .put("batch_assembly_ms", round(r.assemblyMs())).put("batch_assembly_pct", round(r.assemblyPercent()));
        return o.toString();
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** The listeners of a real recorded run: the event stream (to a null stream) and a project recorder. */
    private static Listeners realListeners() {
        try {
            Path dir = Files.createTempDirectory("netwright-bench");
            Path file = dir.resolve("bench" + ProjectStore.EXTENSION);
            ProjectStore store = ProjectStore.create(file);
            ProjectRecorder recorder = new ProjectRecorder(store, "{}", "cpu");
            List<RunListener> list = new ArrayList<>();
            list.add(recorder);
            list.add(new EventStream(new PrintStream(OutputStream.nullOutputStream())));
            return new Listeners() {
                @Override
                public List<RunListener> listeners() {
                    return list;
                }

                @Override
                public void close() {
                    try {
                        recorder.close();
                    } finally {
                        store.close();
                        org.netwright.runner.bench.TempFolder.deleteQuietly(dir);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a temporary project for the benchmark", e);
        }
    }
}
