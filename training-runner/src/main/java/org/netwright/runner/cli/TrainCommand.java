package org.netwright.runner.cli;

import org.netwright.model.run.RunEventJson;
import org.netwright.model.run.RunEvent;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectFileException;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompileException;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataSources;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.netwright.model.json.TaskJson;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskText;
import org.netwright.templates.data.Samples;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Generators;

/**
 * {@code netwright train}: trains a template, a project's graph or a graph file ({@code FILE.json}, with
 * {@link #GRAPH_FILE_DEFAULTS} and the data {@code --data} names), prints progress as text, JSON lines
 * ({@code --json}) or the app's event stream ({@code --events}), and records the run in a project file
 * when there is one ({@code FILE.nwproj} or {@code --save}).
 */
final class TrainCommand {
    private static final Set<String> VALUE_FLAGS = union(union(Set.of("--template", "--data", "--save", "--resume", DropoutFlag.FLAG,
            WidthFlag.FLAG),
            TrainingFlags.VALUE_FLAGS), DataFlags.VALUE_FLAGS);
    private static final Set<String> SWITCHES = union(union(Set.of("--json", "--events", "--explain-task"),
            TrainingFlags.SWITCHES), DataFlags.SWITCHES);
    static final String GENERATOR_PREFIX = "gen:";
    /**
     * Settings for a graph file ({@code FILE.json}), which carries none: 10 epochs, batch 32, Adam at
     * 0.001, cross-entropy, seed 42, 20% validation and 20% test; the data comes from {@code --data}.
     */
    static final TrainingSettings GRAPH_FILE_DEFAULTS = new TrainingSettings(10, 32, 0.001, "adam", "auto", 42,
            0.2, 0.2, null);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final boolean terminal;

    TrainCommand(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, VALUE_FLAGS, SWITCHES);
        if (args.has("--json") && args.has("--events")) {
            throw new UsageException("choose one of --json and --events");
        }
        try {
            return prepareAndTrain(args);
        } catch (UsageException e) {
            if (args.has("--events")) {
                // The app reads the event stream; tell it there too, not only on stderr.
                out.println(RunEventJson.line(new RunEvent.Failed(e.getMessage())));
                out.flush();
            }
            throw e;
        }
    }

    private int prepareAndTrain(Args args) {
        Source given = WidthFlag.apply(args, DropoutFlag.apply(args, Source.from(args, true)));
        Resume resume = args.value("--resume").map(id -> Resume.of(given, id)).orElse(null);
        Path baseDir = given.projectFile().map(p -> p.toAbsolutePath().getParent()).orElse(Path.of(""));
        TrainingSettings asked = withPinnedVocabulary(settings(args, resume == null ? given.settings()
                : Optional.of(resume.settings()), given), baseDir);
        TrainingFlags.refuseSplitBesideColumn(args, asked.data(), baseDir);
        DataSources.Fitted fitted = args.has("--template") && args.has("--data") && resume == null
                ? fit(given, asked, baseDir) : new DataSources.Fitted(given.graph(), asked, List.of());
        fitted.changes().forEach(c -> err.println("netwright: fitted " + given.name() + " to the data: " + c));
        Source source = new Source(given.name(), fitted.graph(), given.settings(), given.projectFile());
        TrainingSettings settings = fitted.settings();
        GraphBlock block;
        try {
            block = GraphCompiler.compile(source.graph());
        } catch (GraphCompileException e) {
            throw new UsageException(e.getMessage());
        }
        TrainingRun run;
        try {
            run = DataSources.isGraphSet(settings.data(), baseDir) ? graphSetRun(source, settings, baseDir)
                    : DataSources.isGraph(settings.data(), baseDir) ? nodeRun(source, settings, baseDir)
                    : sampleRun(source, settings, baseDir, args);
        } catch (DataFileException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (resume != null) {
            try {
                run.resumingFrom(resume.checkpoint());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (resume.partial()) {
                err.println("netwright: run " + resume.runId() + " was stopped inside epoch " + resume.epoch()
                        + "; it goes on from there with the weights it had, which an uninterrupted run would not match"
                        + " exactly");
            }
        }
        if (args.has("--explain-task")) {
            return explainTask(run, source, settings, baseDir, args.has("--json"));
        }
        // A GPU build that ends up on the CPU says why before it starts, on the error stream (the app shows it too).
        try {
            org.netwright.runner.run.DeviceChoice.choose(settings.options().device()).notice()
                    .ifPresent(n -> err.println("netwright: " + n));
        } catch (IllegalArgumentException e) {
            // A GPU asked for and not working: the run itself fails with this reason, as a run event.
        }
        Optional<Path> projectFile = projectFile(args, source);
        try (ProjectStore store = projectFile.map(p -> openOrCreate(p, source, settings)).orElse(null)) {
            ProjectRecorder recorder = store == null ? null
                    : new ProjectRecorder(store, resumeNote(resume, WidthFlag.note(args, DropoutFlag.note(args,
                            SettingsJson.write(settings)))),
                            TrainingRun.deviceName(TrainingRun.device()));
            if (recorder != null) {
                run.withRunId(recorder.runId()).addListener(recorder);
            }
            return train(run, args, recorder);
        } catch (ProjectFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String resumeNote(Resume resume, String settingsJson) {
        return resume == null ? settingsJson : resume.note(settingsJson);
    }

    /** The template fitted to the data {@code --data} names (input shape, class count), refusing unreadable data. */
    private static DataSources.Fitted fit(Source template, TrainingSettings settings, Path baseDir) {
        try {
            return DataSources.fitNetwork(template.graph(), settings, baseDir);
        } catch (DataFileException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The settings with a text recipe's vocabulary written out, so the run's stored settings keep it. */
    private static TrainingSettings withPinnedVocabulary(TrainingSettings settings, Path baseDir) {
        try {
            return DataSources.withPinnedVocabulary(settings, baseDir);
        } catch (DataFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Samples, reshaped to the input layer where only the layout differs, split at random (or in time order); what
     * was decided about a table or text file is announced first (see {@link DataReport#announce}).
     */
    private TrainingRun sampleRun(Source source, TrainingSettings settings, Path baseDir, Args args) {
        DataSources.Prepared data = DataSources.prepare(settings, baseDir, NetworkEnds.of(source.graph()),
                notice -> err.println("netwright: " + notice));
        if (!args.has("--explain-task")) {
            data.summary().ifPresent(s -> DataReport.announce(s, args.has("--json"), args.has("--events"), out, err));
        }
        return new TrainingRun(source.graph(), settings, data.split());
    }

    /** {@code --explain-task}: the task a run would train, in words or as JSON, without training. */
    private int explainTask(TrainingRun run, Source source, TrainingSettings settings, Path baseDir, boolean json) {
        Task task = run.task();
        boolean graphSet = DataSources.isGraphSet(settings.data(), baseDir);
        if (task == null && !graphSet && !DataSources.isGraph(settings.data(), baseDir)) {
            // The run says why no task fits; report it as bad input.
            RunResult r = run.run();
            throw new UsageException(r.message());
        }
        NetworkEnds ends = NetworkEnds.of(source.graph());
        if (task == null && graphSet) {
            String text = "Graph classification: the graph input reads each graph's node features, adjacency and node"
                    + " mask, padded to its node count; the output (one vector per graph after the readout) is trained"
                    + " with cross_entropy against each graph's class; metrics: accuracy";
            out.println(json ? JsonMapper.builder().build().createObjectNode().put("recipe", "graph_classification")
                    .put("description", text).toString() : text);
            return 0;
        }
        if (task == null) {
            String text = "Node classification: the graph input reads the graph's node features and adjacency; the"
                    + " output is trained with cross_entropy against each training node's class; metrics: accuracy";
            out.println(json ? JsonMapper.builder().build().createObjectNode().put("recipe", "node_classification")
                    .put("description", text).toString() : text);
            return 0;
        }
        Samples fields = DataSources.loadSamples(settings, baseDir, ends);
        if (json) {
            out.println(TaskJson.write(task));
        } else {
            for (String line : TaskText.lines(task, ends, fields.fields())) {
                out.println(line);
            }
        }
        return 0;
    }

    /** Many small graphs, split by class; the run itself checks that the graph input takes the largest. */
    private static TrainingRun graphSetRun(Source source, TrainingSettings settings, Path baseDir) {
        return new TrainingRun(source.graph(), settings, DataSources.loadGraphSetSplit(settings, baseDir));
    }

    /** One graph whose nodes are split (by its split column, else by class); the run checks that the graph input fits it. */
    private static TrainingRun nodeRun(Source source, TrainingSettings settings, Path baseDir) {
        return new TrainingRun(source.graph(), settings, DataSources.loadNodeSplit(settings, baseDir));
    }

    private int train(TrainingRun run, Args args, ProjectRecorder recorder) {
        if (terminal && !args.has("--events")) {
            run.addListener(new ProgressBar(err));
        }
        if (args.has("--events")) {
            run.addListener(new EventStream(out));
            StdinStopper.watch(in, run::stop);
        } else if (args.has("--json")) {
            run.addListener(new JsonReport(out));
        } else {
            run.addListener(new TextReport(out));
        }
        boolean[] started = new boolean[1];
        run.addListener(new RunListener() {
            @Override
            public void started(RunEvent.Started e) {
                started[0] = true;
            }
        });
        RunResult result = run.run();
        if (recorder != null) {
            try {
                recorder.close();
            } catch (RuntimeException e) {
                err.println("netwright: the run was not fully saved: " + Cli.oneLine(e.getMessage()));
                return 1;
            }
        }
        if (RunResult.FAILED.equals(result.status())) {
            // Refused before the first step means the input was wrong; failing later is a training failure.
            if (!started[0]) {
                err.println("netwright: " + Cli.oneLine(result.message()));
                return 2;
            }
            err.println("netwright: " + Cli.oneLine(result.message()));
            return 1;
        }
        return 0;
    }

    private static TrainingSettings settings(Args args, Optional<TrainingSettings> base, Source source) {
        Optional<DataRecipe> data = args.value("--data").map(TrainCommand::dataRecipe).map(d -> DataFlags.apply(args, d));
        if (data.isEmpty() && DataFlags.any(args)) {
            throw new UsageException("the data options (--label, --features, --missing, --test, --text-column,"
                    + " --target, --image-size, ...) describe the data that --data PATH names; give --data too");
        }
        TrainingSettings s = base.orElseGet(() -> graphFileDefaults(source, data));
        s = TrainingFlags.apply(args, s);
        if (data.isPresent()) {
            s = s.withData(data.get());
        }
        if (Template.needsUserData(s.data())) {
            throw new UsageException(source.name() + " has no data of its own: it expects "
                    + s.data().options().getOrDefault(Template.EXPECTS, "your data") + "; pass such data with --data PATH,"
                    + " or change its input and output layers to fit yours");
        }
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw new UsageException(problems.get(0));
        }
        return s;
    }

    /** A graph file has no settings: {@link #GRAPH_FILE_DEFAULTS} with the data that {@code --data} names. */
    private static TrainingSettings graphFileDefaults(Source source, Optional<DataRecipe> data) {
        return GRAPH_FILE_DEFAULTS.withData(data.orElseThrow(() -> new UsageException(source.name()
                + " is a graph without training settings; say what to train on with --data PATH or --data gen:NAME"
                + " (" + String.join(", ", Generators.NAMES) + ")")));
    }

    /**
     * {@code --data PATH} (a CSV or IDX file, a folder of images; a CSV edge table brings its node table from beside it) or
     * {@code --data gen:NAME[:KEY=VALUE,...]}, a built-in generator with its options, e.g.
     * {@code gen:shapes:size=32,samples=600} or {@code gen:communities:nodes=60}.
     */
    static DataRecipe dataRecipe(String text) {
        if (text.startsWith(GENERATOR_PREFIX)) {
            String[] parts = text.substring(GENERATOR_PREFIX.length()).split(":", 2);
            String name = parts[0];
            if (!Generators.NAMES.contains(name)) {
                throw new UsageException("unknown generator '" + name + "' in --data; known: "
                        + String.join(", ", Generators.NAMES));
            }
            Map<String, Object> options = new LinkedHashMap<>();
            if (parts.length > 1 && !parts[1].isBlank()) {
                for (String pair : parts[1].split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                        throw new UsageException("generator options in --data are KEY=VALUE separated by commas; got '"
                                + pair + "'");
                    }
                    options.put(kv[0].trim(), number(kv[1].trim()));
                }
            }
            return DataRecipe.generator(name, options);
        }
        Path file = Path.of(text).toAbsolutePath();
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new UsageException(text + " is not a regular file (a device, a pipe or a socket); --data takes a data"
                    + " file or a folder of images");
        }
        if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
            // A name with an extension is a file the user meant; anything else may have been a folder of images.
            throw new UsageException(Path.of(text).getFileName().toString().contains(".")
                    ? "there is no data file " + text : "there is no data file or folder " + text);
        }
        return DataSources.recipeFor(file);
    }

    /** A generator option as a number where it reads as one (the generators take numbers), else as written. */
    private static Object number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notInt) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    private static Optional<Path> projectFile(Args args, Source source) {
        Optional<Path> save = args.value("--save").map(Path::of);
        if (save.isPresent()) {
            if (!save.get().getFileName().toString().endsWith(ProjectStore.EXTENSION)) {
                throw new UsageException("--save needs a file name ending in " + ProjectStore.EXTENSION);
            }
            if (Files.exists(save.get())) {
                throw new UsageException(save.get() + " exists already; --save makes a new project file");
            }
            return save;
        }
        return source.projectFile();
    }

    /** The source's own project file, or a new one made by --save holding the graph and the settings used. */
    private static ProjectStore openOrCreate(Path file, Source source, TrainingSettings settings) {
        if (source.projectFile().filter(file::equals).isPresent()) {
            return ProjectStore.open(file);
        }
        // All or nothing: a kill or a second run making the same file never leaves a half-made one or deletes it.
        return ProjectStore.create(file, store -> {
            store.saveGraph(source.graph(), "Created by netwright train from " + source.name());
            store.saveSettings(settings);
        });
    }
}
