package org.netwright.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskException;
import org.netwright.model.task.TaskProposal;
import org.netwright.model.task.TaskText;
import org.netwright.runner.run.RunTask;
import org.netwright.templates.data.Samples;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.Template;
import org.netwright.templates.data.GraphDataset;

/**
 * Loads a data recipe with the runner's own loaders and says in words what it holds and whether it fits a
 * network. It reads files and generates data, so callers run it off the UI thread.
 */
public final class DataCheck {
    private DataCheck() {
    }

    /**
     * What a recipe gives: {@code summary} for the Data row ("iris.csv (150 rows, 4 features, 3 classes)"),
     * {@code problem}, why it cannot be read or cannot train the network (empty when it can), and {@code task}, the
     * task a run would train in words (which field feeds each input, each output's loss and target, the metrics),
     * empty when there is no network to judge or no task fits, and {@code samples}, how many samples (nodes of a
     * graph) the data holds before the split, 0 when it could not be loaded, and {@code basis}, what the task editor
     * needs to change the task (empty when no task of samples was resolved).
     */
    public record Outcome(String summary, Optional<String> problem, List<String> task, int samples,
                          Optional<TaskBasis> basis) {
        public Outcome {
            task = List.copyOf(task);
            basis = basis == null ? Optional.empty() : basis;
        }

        public Outcome(String summary, Optional<String> problem, List<String> task, int samples) {
            this(summary, problem, task, samples, Optional.empty());
        }

        public Outcome(String summary, Optional<String> problem, List<String> task) {
            this(summary, problem, task, 0);
        }

        Outcome(String summary, Optional<String> problem) {
            this(summary, problem, List.of());
        }

        Outcome withSamples(int n) {
            return new Outcome(summary, problem, task, n, basis);
        }
    }

    /**
     * The facts a task is judged against, from one check: the task a run would train, the one the runner proposes
     * (empty when none fits), whether the task in force is the user's saved one, the network's ends and the data's
     * fields, and the network they were taken from.
     */
    public record TaskBasis(Task task, Optional<Task> proposal, boolean saved, NetworkEnds ends, List<DataField> fields,
                            Graph graph) {
        public TaskBasis {
            fields = List.copyOf(fields);
        }
    }

    /** Said after a saved task's first problem: the graph changed under it, and the proposal is one click away. */
    static final String RESET_HINT = " The task saved with the project does not fit; change it, or reset it to"
            + " the proposal, with the Edit task button.";

    /** {@link #check(DataRecipe, Graph, GraphShapes, Path, long, String)} with the loss the task proposes. */
    public static Outcome check(DataRecipe recipe, Graph graph, GraphShapes shapes, Path baseDir, long seed) {
        return check(recipe, graph, shapes, baseDir, seed, TrainingSettings.AUTO);
    }

    /**
     * Loads the recipe and, when {@code graph} is given and complete enough to judge (valid shapes, weights to
     * train), proposes the task a run would train and checks it as a run would before its first step, with
     * {@code loss} on every output unless it is {@code auto}. Without a graph only whether the data can be read is
     * checked, e.g. for the project's data as it opens.
     */
    public static Outcome check(DataRecipe recipe, Graph graph, GraphShapes shapes, Path baseDir, long seed,
                                String loss) {
        return check(recipe, graph, shapes, baseDir, seed, loss, null);
    }

    /**
     * {@link #check(DataRecipe, Graph, GraphShapes, Path, long, String)} with the user's {@code saved} task, which
     * wins over the proposal as it does in a run (null: the proposal); a saved task that no longer fits says so with
     * a hint to reset it.
     */
    public static Outcome check(DataRecipe recipe, Graph graph, GraphShapes shapes, Path baseDir, long seed,
                                String loss, Task saved) {
        String name = name(recipe);
        if (recipe == null || Template.needsUserData(recipe)) {
            return new Outcome(name, Optional.empty());
        }
        boolean judge = graph != null && shapes != null && shapes.isValid() && shapes.totalParams() > 0;
        try {
            if (DataSources.isGraphSet(recipe, baseDir)) {
                var set = DataSources.loadGraphSet(recipe, baseDir, seed);
                return new Outcome(name + " (" + set.size() + " graphs of up to " + set.maxNodes() + " nodes, "
                        + set.numClasses() + " classes)", judge ? whyNotFit(NetworkEnds.of(graph, shapes), set)
                        : Optional.empty()).withSamples(set.size());
            }
            if (DataSources.isGraph(recipe, baseDir)) {
                GraphDataset g = DataSources.loadGraph(recipe, baseDir, seed);
                String summary = name + " (" + g.nodes() + " nodes, " + g.edgeCount() + " edges, " + g.numClasses()
                        + " classes)";
                return new Outcome(summary, judge ? whyNotFit(NetworkEnds.of(graph, shapes), g) : Optional.empty())
                        .withSamples(g.nodes());
            }
            Samples samples = DataSources.loadSamples(recipe, baseDir, seed);
            String summary = name + " (" + samples(recipe, samples) + ")";
            if (!judge) {
                return new Outcome(summary, Optional.empty()).withSamples(samples.size());
            }
            NetworkEnds ends = NetworkEnds.of(graph, shapes);
            samples = DataSources.fitTo(samples, ends);
            TrainingSettings settings = new TrainingSettings(1, 1, 0.001, "adam", loss, seed, 0, 0, recipe);
            Optional<Task> proposal;
            String proposalProblem = null;
            try {
                proposal = Optional.of(RunTask.resolve(graph, settings, samples.fields()));
            } catch (TaskException e) {
                proposal = Optional.empty();
                proposalProblem = e.getMessage();
            }
            if (saved == null && proposal.isEmpty()) {
                return new Outcome(summary, Optional.of(proposalProblem)).withSamples(samples.size());
            }
            Task task = saved != null ? saved : proposal.orElseThrow();
            List<String> problems = TaskProposal.problems(task, graph, ends, samples.fields());
            Optional<String> problem = problems.stream().findFirst().map(p -> saved == null ? p : p + RESET_HINT);
            return new Outcome(summary, problem, TaskText.lines(task, ends, samples.fields()), samples.size(),
                    Optional.of(new TaskBasis(task, proposal, saved != null, ends, samples.fields(), graph)));
        } catch (DataFileException | IllegalArgumentException e) {
            // The loaders' messages name the file and what is wrong; a generator's bad option is an IllegalArgumentException.
            return new Outcome(name, Optional.of(e.getMessage()));
        }
    }

    /**
     * The recipe as a person names it without loading it: the file's name, "two moons generator", or what a
     * template that waits for data expects.
     */
    static String name(DataRecipe recipe) {
        if (recipe == null) {
            return "none chosen";
        }
        if (Template.needsUserData(recipe)) {
            Object expects = recipe.options().get(Template.EXPECTS);
            return expects == null ? "none yet" : "none yet — this network expects " + expects;
        }
        if ("generator".equals(recipe.kind())) {
            return String.valueOf(recipe.options().get("name")).replace('_', ' ') + " generator";
        }
        Object path = recipe.options().get("path");
        return path == null ? recipe.kind() + " file" : Path.of(path.toString()).getFileName().toString();
    }

    private static String samples(DataRecipe recipe, Samples d) {
        Optional<Samples.Column> label = d.classField();
        String classes = label.map(c -> ", " + c.field().classes() + " classes").orElse("");
        if ("generator".equals(recipe.kind())) {
            return d.size() + " samples";
        }
        DataField features = d.fields().get(0);
        if ("idx".equals(recipe.kind())) {
            return d.size() + " images " + features.shape() + classes;
        }
        return d.size() + " rows, " + features.shape().size() + " features" + classes;
    }

    /** Why a set of graphs cannot train the network: one graph input taking the largest graph, one score per class. */
    private static Optional<String> whyNotFit(NetworkEnds ends, org.netwright.templates.data.GraphSet set) {
        Optional<NetworkEnds.End> features = ends.inputs().stream()
                .filter(e -> e.type().equals("graph_input") && e.port().equals("features")).findFirst();
        if (features.isEmpty()) {
            NetworkEnds.End first = ends.inputs().get(0);
            return Optional.of("The data are " + set.size() + " small graphs for graph classification, so the network"
                    + " must start with a graph input; its input layer '" + first.nodeId() + "' gives "
                    + (first.shape() == null ? "nothing yet" : first.shape().describe()) + ".");
        }
        if (ends.outputs().size() != 1) {
            return Optional.of("Graph classification trains one output layer; this network has "
                    + ends.outputs().size() + ".");
        }
        NetworkEnds.End out = ends.outputs().get(0);
        return DataSources.whyNotFit(set, features.get().shape(), features.get().nodeId(), out.shape(), out.nodeId());
    }

    /** Why one graph cannot train the network: it needs a graph input, whose features and output fit the graph. */
    private static Optional<String> whyNotFit(NetworkEnds ends, GraphDataset graph) {
        Optional<NetworkEnds.End> features = ends.inputs().stream()
                .filter(e -> e.type().equals("graph_input") && e.port().equals("features")).findFirst();
        if (features.isEmpty()) {
            NetworkEnds.End first = ends.inputs().get(0);
            return Optional.of("The data is one graph of " + graph.nodes() + " nodes for node classification, so"
                    + " the network must start with a graph input; its input layer '" + first.nodeId() + "' gives "
                    + (first.shape() == null ? "nothing yet" : first.shape().describe()) + ".");
        }
        if (ends.outputs().size() != 1) {
            return Optional.of("Node classification trains one output layer; this network has " + ends.outputs().size()
                    + ".");
        }
        NetworkEnds.End out = ends.outputs().get(0);
        return DataSources.whyNotFit(graph, features.get().shape(), features.get().nodeId(), out.shape(), out.nodeId());
    }
}
