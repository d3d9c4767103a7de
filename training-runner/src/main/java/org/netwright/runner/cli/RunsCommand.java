package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.Set;
import org.netwright.model.run.RunReached;
import org.netwright.model.run.RunSummary;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.run.SettingsDiff;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;

/**
 * {@code netwright runs PROJECT [--json]}: every run the project keeps, with status, settings, final metrics,
 * duration and device; {@code --delete ID} removes a run with its metrics and checkpoints; {@code --diff A B}
 * lists the settings that differ between two runs. Listing and diffing open the file read-only.
 */
final class RunsCommand {
    static final String USAGE = "runs FILE.nwproj [--json] [--delete ID | --diff A B]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunsCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        List<String> rest = new ArrayList<>(argv);
        List<Long> diff = takeDiff(rest);
        Args args = Args.parse(rest, Set.of("--delete"), Set.of("--json"));
        if (args.positionals().size() != 1 || !args.positionals().get(0).endsWith(ProjectStore.EXTENSION)) {
            throw new UsageException("runs takes one project file: " + USAGE);
        }
        Path project = Path.of(args.positionals().get(0));
        if (!Files.isRegularFile(project)) {
            throw new UsageException("there is no file " + project);
        }
        boolean json = args.has("--json");
        if (args.has("--delete") && diff != null) {
            throw new UsageException("choose one of --delete and --diff");
        }
        if (args.has("--delete")) {
            return delete(project, runId(args.value("--delete").orElseThrow()), json, out);
        }
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            List<RunRecord> runs = store.runs();
            if (diff != null) {
                return diff(find(runs, diff.get(0), project), find(runs, diff.get(1), project), json, out);
            }
            Instant now = Instant.now();
            List<RunSummary> summaries = runs.stream().map(r -> RunSummary.of(r, now)).toList();
            Map<Long, RunSummary> byId = new HashMap<>();
            summaries.forEach(s -> byId.put(s.id(), s));
            LongFunction<List<MetricPoint>> means = id -> store.epochMeans(id, RunReached.KEYS);
            Map<Long, RunReached> reached = new HashMap<>();
            for (RunSummary s : summaries) {
                // The Runs window's reading (RunReached): an interrupted run's finished epochs, a resumed run's figures.
                reached.put(s.id(), RunReached.read(s, id -> Optional.ofNullable(byId.get(id)), means));
            }
            if (json) {
                ObjectNode root = MAPPER.createObjectNode();
                ArrayNode list = root.putArray("runs");
                summaries.forEach(s -> list.add(s.toJson().set("reached", reachedJson(reached.get(s.id())))));
                out.println(root);
            } else {
                printTable(summaries, reached, out);
            }
        }
        return 0;
    }

    /** Removes {@code --diff A B} from the arguments and returns A and B; null when absent. */
    private static List<Long> takeDiff(List<String> argv) {
        int i = argv.indexOf("--diff");
        if (i < 0) {
            return null;
        }
        if (i + 2 >= argv.size()) {
            throw new UsageException("--diff needs two run ids: --diff A B");
        }
        List<Long> ids = List.of(runId(argv.get(i + 1)), runId(argv.get(i + 2)));
        argv.subList(i, i + 3).clear();
        if (argv.contains("--diff")) {
            throw new UsageException("--diff is given twice");
        }
        return ids;
    }

    private static long runId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new UsageException("a run id is a whole number from 1 (see netwright runs PROJECT); got '" + text + "'");
    }

    private static RunRecord find(List<RunRecord> runs, long id, Path project) {
        return runs.stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new UsageException(
                "there is no run " + id + " in " + project + "; it has " + (runs.isEmpty() ? "no runs"
                        : "runs " + String.join(", ", runs.stream().map(r -> Long.toString(r.id())).toList()))));
    }

    private static int delete(Path project, long id, boolean json, PrintStream out) {
        try (ProjectStore store = ProjectStore.open(project)) {
            int checkpoints = store.checkpointCount(id);
            store.deleteRun(id);
            if (json) {
                out.println(MAPPER.createObjectNode().put("deleted", id).put("checkpoints", checkpoints));
            } else {
                out.println("Deleted run " + id + " with its metrics and " + checkpoints
                        + (checkpoints == 1 ? " checkpoint." : " checkpoints."));
            }
        }
        return 0;
    }

    private static int diff(RunRecord a, RunRecord b, boolean json, PrintStream out) {
        Instant now = Instant.now();
        List<SettingsDiff.Difference> d = SettingsDiff.between(RunSummary.of(a, now).settings(),
                RunSummary.of(b, now).settings());
        if (json) {
            ObjectNode root = MAPPER.createObjectNode().put("a", a.id()).put("b", b.id());
            ArrayNode list = root.putArray("differences");
            for (SettingsDiff.Difference x : d) {
                ObjectNode item = list.addObject().put("setting", x.setting());
                item.set("a", orNull(x.a()));
                item.set("b", orNull(x.b()));
            }
            out.println(root);
        } else if (d.isEmpty()) {
            out.println("Runs " + a.id() + " and " + b.id() + " have the same settings.");
        } else {
            out.println("Settings that differ between run " + a.id() + " and run " + b.id() + ":");
            for (SettingsDiff.Difference x : d) {
                out.println("  " + x.setting() + ": " + text(x.a()) + " -> " + text(x.b()));
            }
        }
        return 0;
    }

    private static JsonNode orNull(JsonNode n) {
        return n.isMissingNode() ? MAPPER.nullNode() : n;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() ? "(not set)" : n.isTextual() ? n.asText() : n.toString();
    }

    /** {@code reached} of {@code runs --json}: epochs (null while running), val_loss, val_accuracy, note. */
    private static ObjectNode reachedJson(RunReached r) {
        ObjectNode o = MAPPER.createObjectNode();
        if (r.epochs() == null) {
            o.putNull("epochs");
        } else {
            o.put("epochs", r.epochs());
        }
        o.put("val_loss", r.valLoss());
        o.put("val_accuracy", r.valAccuracy());
        r.note().ifPresent(n -> o.put("note", n));
        return o;
    }

    private static void printTable(List<RunSummary> runs, Map<Long, RunReached> reached, PrintStream out) {
        if (runs.isEmpty()) {
            out.println("No runs yet.");
            return;
        }
        out.println(String.format(Locale.ROOT, "%-5s %-12s %-7s %-10s %-10s %-10s %-9s %s", "id", "status", "epochs",
                "val_loss", "val_acc", "test_acc", "time", "device"));
        List<String> notes = new ArrayList<>();
        for (RunSummary s : runs) {
            RunReached r = reached.get(s.id());
            // A dash for a running run and for one that ended before it finished an epoch, as in the Runs window.
            boolean none = r.epochs() == null || r.epochs() == 0 && r.note().isPresent();
            out.println(String.format(Locale.ROOT, "%-5d %-12s %-7s %-10s %-10s %-10s %-9s %s", s.id(),
                    Cli.printable(s.status()), none ? "-" : r.epochs().toString(), number(r.valLoss()),
                    number(r.valAccuracy()), number(s.metric("test_accuracy")), seconds(s.durationSeconds()),
                    Cli.printable(s.device())));
            r.note().ifPresent(notes::add);
        }
        // Where figures that are not a run's final ones come from (the Runs window's tooltips).
        notes.forEach(n -> out.println(Cli.printable(n)));
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String seconds(Double s) {
        return s == null ? "-" : s < 60 ? String.format(Locale.ROOT, "%.1f s", s)
                : String.format(Locale.ROOT, "%d:%02d", (long) (s / 60), (long) (s % 60));
    }
}
