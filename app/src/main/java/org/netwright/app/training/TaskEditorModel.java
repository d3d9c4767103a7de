package org.netwright.app.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.command.GraphCommand;
import org.netwright.model.command.SetParam;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.task.DataField;
import org.netwright.model.task.InputBinding;
import org.netwright.model.task.Losses;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Objective;
import org.netwright.model.task.RecipeOptions;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskProposal;

/**
 * The task editor's state: the task in force (the user's saved one, else the runner's proposal) as rows to change,
 * one per input layer and one per objective, checked as a whole when applied. A task that does not fit the network
 * and the data is refused with the reason and nothing is saved; an accepted one is saved into the project's
 * settings, where it wins over the proposal in every run. The recipe's own options (a VAE's KL weight, a GAN's
 * generator, discriminator and real input) are saved with the task; a noise input's distribution is a parameter of
 * the layer, changed as an undoable edit of the network. Edits happen on the UI thread.
 */
public final class TaskEditorModel {
    /** Shown in the loss parameter field's prompt: what a parameter looks like. */
    public static final String PARAMETER_EXAMPLE = "e.g. delta=0.5";

    private final SettingsForm form;
    private final ObservableValue<DataCheck.TaskBasis> basis;
    private final ObservableList<InputRow> inputs = FXCollections.observableArrayList();
    private final ObservableList<ObjectiveRow> objectives = FXCollections.observableArrayList();
    private final ObservableList<OptionRow> options = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper recipe = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper metrics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fields = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    /** The task the rows were loaded from, whose recipe and options an edit keeps. */
    private Task loaded;
    /** Runs an edit of the network on the editor's undo stack; empty when it is accepted, else why not. */
    private Function<GraphCommand, Optional<String>> networkEdits;

    /** @param basis the Data row's last check; the rows reload whenever a new check arrives */
    public TaskEditorModel(SettingsForm form, ObservableValue<DataCheck.TaskBasis> basis) {
        this.form = form;
        this.basis = basis;
        basis.addListener((o, before, after) -> load());
        load();
    }

    /**
     * Lets the editor change the network's layers (a noise input's distribution) through {@code edits}, which runs a
     * command on the editor's undo stack and says why it was refused; without it those rows are not shown.
     */
    public void editNetworkWith(Function<GraphCommand, Optional<String>> edits) {
        this.networkEdits = edits;
        load();
    }

    /**
     * One option of the recipe: a task option such as {@code kl_weight} (typed, or chosen among {@link #choices()}),
     * or the distribution of a noise input layer ({@link #node()} is then that layer).
     */
    public static final class OptionRow {
        private final String key;
        private final String node;
        private final String label;
        private final String help;
        private final List<String> choices;
        private final String original;
        private final StringProperty value;

        OptionRow(String key, String node, String label, String help, List<String> choices, String value) {
            this.key = key;
            this.node = node;
            this.label = label;
            this.help = help;
            this.choices = List.copyOf(choices);
            this.original = value;
            this.value = new SimpleStringProperty(value);
        }

        /** The task option's key ({@link RecipeOptions}), or the layer parameter's name for a layer's row. */
        public String key() {
            return key;
        }

        /** The noise input layer whose parameter this row sets; null for a task option. */
        public String node() {
            return node;
        }

        /** The option in words, e.g. {@code KL weight}. */
        public String label() {
            return label;
        }

        /** What the option does, shown under it. */
        public String help() {
            return help;
        }

        /** The values offered; empty when the value is typed. */
        public List<String> choices() {
            return choices;
        }

        /** A stable id for the view, e.g. {@code kl_weight} or {@code distribution-z}. */
        public String id() {
            return node == null ? key : key + "-" + node;
        }

        /** The value as chosen or typed. */
        public StringProperty valueProperty() {
            return value;
        }
    }

    /** One input layer: the field that feeds it, chosen among the data's fields that fit it. */
    public static final class InputRow {
        private final String node;
        private final String shape;
        private final List<String> choices;
        private final StringProperty field;

        InputRow(String node, String shape, List<String> choices, String field) {
            this.node = node;
            this.shape = shape;
            this.choices = List.copyOf(choices);
            this.field = new SimpleStringProperty(field);
        }

        public String node() {
            return node;
        }

        /** What the layer takes, e.g. {@code a vector of 2}. */
        public String shape() {
            return shape;
        }

        /** The field names offered: those of the data's fields that fit the layer (noise for a noise input). */
        public List<String> choices() {
            return choices;
        }

        /** The chosen field's name; null while none is chosen. */
        public StringProperty fieldProperty() {
            return field;
        }
    }

    /** One loss term: an output layer compared with a field by a loss with optional parameters, weighted. */
    public static final class ObjectiveRow {
        private final String output;
        private final String shape;
        private final List<String> targets;
        private final boolean lossEditable;
        private final StringProperty loss;
        private final StringProperty parameters;
        private final StringProperty target;
        private final StringProperty weight;

        ObjectiveRow(String output, String shape, List<String> targets, boolean lossEditable, String lossSpec,
                     String target, double weight) {
            this.output = output;
            this.shape = shape;
            this.targets = List.copyOf(targets);
            this.lossEditable = lossEditable;
            int colon = lossSpec.indexOf(':');
            this.loss = new SimpleStringProperty(colon < 0 ? lossSpec : lossSpec.substring(0, colon));
            this.parameters = new SimpleStringProperty(colon < 0 ? "" : lossSpec.substring(colon + 1));
            this.target = new SimpleStringProperty(target);
            this.weight = new SimpleStringProperty(number(weight));
        }

        public String output() {
            return output;
        }

        /** What the layer gives, e.g. {@code a vector of 3}. */
        public String shape() {
            return shape;
        }

        /** The loss names offered ({@link Losses#ALL}). */
        public List<String> losses() {
            return Losses.ALL;
        }

        /** The field names a target may be (every field but noise); the check says which fit. */
        public List<String> targets() {
            return targets;
        }

        /** False for a GAN, whose generator and discriminator losses are the recipe's own. */
        public boolean lossEditable() {
            return lossEditable;
        }

        public StringProperty lossProperty() {
            return loss;
        }

        /** The loss's parameters as typed, e.g. {@code delta=0.5}; empty for the defaults. */
        public StringProperty parametersProperty() {
            return parameters;
        }

        public StringProperty targetProperty() {
            return target;
        }

        /** The weight as typed; a positive number. */
        public StringProperty weightProperty() {
            return weight;
        }
    }

    /** Fills the rows from the last check's task in force, and says what is wrong with it, if anything. */
    public void load() {
        DataCheck.TaskBasis b = basis.getValue();
        available.set(b != null);
        if (b == null) {
            loaded = null;
            inputs.clear();
            objectives.clear();
            options.clear();
            recipe.set("");
            metrics.set("");
            fields.set("");
            origin.set("");
            error.set("");
            return;
        }
        show(b.task(), b);
        origin.set(b.saved() ? "Your task, saved with the project: runs train it instead of the proposal."
                : "The runner's proposal from the network and the data; a change you apply is saved with the project.");
        List<String> problems = TaskProposal.problems(b.task(), b.graph(), b.ends(), b.fields());
        error.set(problems.isEmpty() ? "" : problems.get(0)
                + (b.saved() ? " Change it here, or reset the task to the proposal." : ""));
    }

    private void show(Task task, DataCheck.TaskBasis b) {
        loaded = task;
        recipe.set(task.recipe());
        fields.set(String.join(", ", b.fields().stream().map(f -> f.name() + " (" + f.describe() + ")").toList()));
        inputs.setAll(inputRows(task, b));
        objectives.setAll(objectiveRows(task, b));
        options.setAll(optionRows(task, b, networkEdits != null));
        for (ObjectiveRow row : objectives) {
            row.lossProperty().addListener((o, was, now) -> metrics.set(metricsText()));
            row.targetProperty().addListener((o, was, now) -> metrics.set(metricsText()));
        }
        metrics.set(metricsText());
    }

    private static List<InputRow> inputRows(Task task, DataCheck.TaskBasis b) {
        List<InputRow> rows = new ArrayList<>();
        for (String node : b.ends().inputNodes()) {
            List<NetworkEnds.End> ports = b.ends().inputsOf(node);
            if (ports.size() != 1) {
                continue; // a graph input reads the graph's features and adjacency, not a field
            }
            NetworkEnds.End end = ports.get(0);
            String bound = task.fieldOf(node).orElse(null);
            List<String> choices = new ArrayList<>();
            if (end.type().equals("noise_input")) {
                // Noise is drawn afresh by the runner; there is nothing to choose.
                choices.add(bound != null ? bound : TaskProposal.NOISE);
            } else {
                b.fields().stream().filter(f -> TaskProposal.fits(end, f)).forEach(f -> choices.add(f.name()));
            }
            rows.add(new InputRow(node, describe(end), choices, bound));
        }
        return rows;
    }

    private static List<OptionRow> optionRows(Task task, DataCheck.TaskBasis b, boolean layers) {
        List<OptionRow> rows = new ArrayList<>();
        List<String> outputs = b.ends().outputs().stream().map(NetworkEnds.End::nodeId).toList();
        List<String> realInputs = b.ends().inputs().stream().filter(RecipeOptions::realCandidate)
                .map(NetworkEnds.End::nodeId).distinct().toList();
        for (String key : RecipeOptions.keys(task.recipe())) {
            List<String> choices = switch (key) {
                case RecipeOptions.GENERATOR, RecipeOptions.DISCRIMINATOR -> outputs;
                case RecipeOptions.REAL_INPUT -> realInputs;
                default -> List.of();
            };
            String value = task.options().getOrDefault(key, key.equals(RecipeOptions.KL_WEIGHT) ? "1" : null);
            rows.add(new OptionRow(key, null, RecipeOptions.label(key), RecipeOptions.help(key), choices, value));
        }
        if (layers && task.recipe().equals(Task.GAN) && b.graph() != null) {
            for (NetworkEnds.End end : b.ends().inputs()) {
                if (!end.type().equals("noise_input")) {
                    continue;
                }
                Node n = b.graph().nodes().get(end.nodeId());
                ParamSpec spec = LayerCatalog.standard().require("noise_input").param(DISTRIBUTION).orElseThrow();
                Object v = n == null ? null : n.params().get(DISTRIBUTION);
                String value = String.valueOf(v == null ? spec.defaultValue() : v);
                List<String> choices = spec instanceof org.netwright.model.catalog.ChoiceParam c ? c.choices()
                        : List.of(value);
                rows.add(new OptionRow(DISTRIBUTION, end.nodeId(), "Noise of '" + end.nodeId() + "'",
                        spec.help() + " A parameter of the layer: the change is an edit of the network (Edit > Undo).",
                        choices, value));
            }
        }
        return rows;
    }

    /** The noise input layer's parameter the task editor offers for a GAN. */
    static final String DISTRIBUTION = "distribution";

    private static List<ObjectiveRow> objectiveRows(Task task, DataCheck.TaskBasis b) {
        List<String> targets = b.fields().stream().filter(f -> f.kind() != DataField.Kind.NOISE).map(DataField::name)
                .toList();
        boolean gan = task.recipe().equals(Task.GAN);
        List<ObjectiveRow> rows = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Objective o : task.objectives()) {
            Optional<NetworkEnds.End> end = b.ends().output(o.output());
            if (end.isEmpty()) {
                continue; // the layer is gone from the network; applying drops its loss
            }
            covered.add(o.output());
            rows.add(new ObjectiveRow(o.output(), describe(end.get()), targets, !gan, o.loss(), o.target(), o.weight()));
        }
        if (!gan) {
            // An output the task does not train yet (added since) gets a row to fill in.
            for (NetworkEnds.End end : b.ends().outputs()) {
                if (!covered.contains(end.nodeId())) {
                    rows.add(new ObjectiveRow(end.nodeId(), describe(end), targets, true, "mse", null, 1.0));
                }
            }
        }
        return rows;
    }

    /**
     * Checks the rows as a task and saves it when it fits the network and the data; otherwise says why and saves
     * nothing (the rows keep what was typed).
     */
    public Optional<String> apply() {
        DataCheck.TaskBasis b = basis.getValue();
        if (b == null || loaded == null) {
            return refuse("There is no task to change until the data has been checked against the network.");
        }
        Task task;
        try {
            task = draft(b);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        List<String> problems = TaskProposal.problems(task, b.graph(), b.ends(), b.fields());
        if (!problems.isEmpty()) {
            return refuse(problems.get(0));
        }
        List<OptionRow> layerChanges = options.stream().filter(r -> r.node() != null
                && !java.util.Objects.equals(r.valueProperty().get(), r.original)).toList();
        for (OptionRow r : layerChanges) {
            if (!r.choices().contains(r.valueProperty().get())) {
                return refuse(r.label() + " must be one of " + String.join(", ", r.choices()) + "; got \""
                        + r.valueProperty().get() + "\".");
            }
        }
        // A change of noise alone leaves the task as it was: the proposal stays a proposal.
        boolean saveTask = !(task.equals(loaded) && !layerChanges.isEmpty());
        Optional<String> refusal = saveTask ? form.setTask(task) : Optional.empty();
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        for (OptionRow r : layerChanges) {
            // The network changes after the task is saved: the check that follows the edit then judges both.
            Optional<String> why = networkEdits.apply(SetParam.of(b.graph(), r.node(), r.key(), r.valueProperty().get()));
            if (why.isPresent()) {
                return refuse("The noise of '" + r.node() + "' was not changed: " + why.get());
            }
        }
        error.set("");
        loaded = task;
        if (saveTask) {
            origin.set("Your task, saved with the project: runs train it instead of the proposal.");
        }
        return Optional.empty();
    }

    /** Forgets the saved task, so runs train the proposal again, and shows the proposal. */
    public Optional<String> reset() {
        Optional<String> refusal = form.setTask(null);
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        DataCheck.TaskBasis b = basis.getValue();
        if (b == null) {
            return Optional.empty();
        }
        if (b.proposal().isEmpty()) {
            // Nothing fits this network and data: say so rather than showing the old task as if it were proposed.
            error.set("The runner proposes no task for this network and data; the Data row says why.");
            return Optional.empty();
        }
        show(b.proposal().get(), b);
        origin.set("The runner's proposal from the network and the data; a change you apply is saved with the project.");
        error.set("");
        return Optional.empty();
    }

    /** The rows as a task; throws IllegalArgumentException with a sentence naming what is missing or malformed. */
    private Task draft(DataCheck.TaskBasis b) {
        List<InputBinding> bindings = new ArrayList<>();
        for (InputRow row : inputs) {
            String f = row.fieldProperty().get();
            if (f == null || f.isBlank()) {
                throw new IllegalArgumentException("Choose the field that feeds the input layer '" + row.node() + "'.");
            }
            bindings.add(new InputBinding(row.node(), f));
        }
        List<Objective> terms = new ArrayList<>();
        for (ObjectiveRow row : objectives) {
            String target = row.targetProperty().get();
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("Choose the field the output layer '" + row.output()
                        + "' is trained against.");
            }
            terms.add(new Objective(row.output(), lossSpec(row), target, weight(row)));
        }
        if (terms.isEmpty() && loaded.recipe().equals(Task.GAN)) {
            terms.add(new Objective(loaded.options().getOrDefault(RecipeOptions.GENERATOR, "generator"),
                    "bce_with_logits", "-", 1.0)); // the generator's row went with its layer; the loss is the recipe's
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("The task has no loss: the network has no output layer to train.");
        }
        Task task = loaded.withInputs(bindings);
        for (OptionRow row : options) {
            if (row.node() != null) {
                continue; // a layer's parameter, not the task's
            }
            String v = row.valueProperty().get() == null ? "" : row.valueProperty().get().strip();
            if (row.key().equals(RecipeOptions.KL_WEIGHT)) {
                RecipeOptions.klWeightProblem(v).ifPresent(why -> {
                    throw new IllegalArgumentException(why);
                });
            } else if (v.isEmpty()) {
                throw new IllegalArgumentException("Choose the " + row.label().toLowerCase(java.util.Locale.ROOT)
                        + " of the GAN.");
            }
            task = task.withOption(row.key(), v);
        }
        if (loaded.recipe().equals(Task.GAN)) {
            // A GAN's one loss term follows its parts: the generator's sample against the real input's field.
            String g = task.options().get(RecipeOptions.GENERATOR);
            String real = task.options().get(RecipeOptions.REAL_INPUT);
            String field = task.fieldOf(real).orElseThrow(() -> new IllegalArgumentException(
                    "Choose the field that feeds the real input layer '" + real + "'."));
            return task.withObjectives(List.of(new Objective(g, terms.get(0).loss(), field, terms.get(0).weight())));
        }
        return task.withObjectives(terms).withMetrics(metricsOf(terms, b.fields()));
    }

    /** {@code huber:delta=0.5} from the row, after the runner's own loss table has accepted name and parameters. */
    private static String lossSpec(ObjectiveRow row) {
        String name = row.lossProperty().get() == null ? "" : row.lossProperty().get().strip();
        String params = row.parametersProperty().get() == null ? "" : row.parametersProperty().get().strip();
        Map<String, Double> values = new LinkedHashMap<>();
        if (!params.isEmpty()) {
            for (String part : params.split(",")) {
                String[] kv = part.split("=", 2);
                try {
                    String key = kv[0].strip();
                    // "smoothing" is the short form of cross-entropy's label smoothing, as the runner reads it.
                    values.put(key.equals("smoothing") ? "label_smoothing" : key, Double.parseDouble(kv[1].strip()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("The loss parameters of '" + row.output() + "' have a part '"
                            + part.strip() + "' that is not NAME=NUMBER (" + PARAMETER_EXAMPLE + ").");
                }
            }
        }
        try {
            org.netwright.runner.optim.Losses.create(name, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Output '" + row.output() + "': " + e.getMessage(), e);
        }
        return params.isEmpty() ? name : name + ":" + params.replace(" ", "");
    }

    private static double weight(ObjectiveRow row) {
        String text = row.weightProperty().get() == null ? "" : row.weightProperty().get().strip();
        try {
            double w = Double.parseDouble(text);
            if (w > 0 && Double.isFinite(w)) {
                return w;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("The weight of the loss of '" + row.output()
                + "' must be a positive number such as 1; got \"" + text + "\".");
    }

    private static List<String> metricsOf(List<Objective> terms, List<DataField> fields) {
        Set<String> out = new LinkedHashSet<>();
        for (Objective o : terms) {
            fields.stream().filter(f -> f.name().equals(o.target())).findFirst()
                    .ifPresent(f -> out.addAll(Losses.metricsFor(o.lossName(), f)));
        }
        return List.copyOf(out);
    }

    private String metricsText() {
        DataCheck.TaskBasis b = basis.getValue();
        if (b == null || loaded == null) {
            return "";
        }
        List<Objective> terms = new ArrayList<>();
        for (ObjectiveRow row : objectives) {
            String loss = row.lossProperty().get();
            String target = row.targetProperty().get();
            if (loss != null && target != null) {
                terms.add(new Objective(row.output(), loss, target, 1.0));
            }
        }
        // Named as the Data row names them (one naming, in model).
        return org.netwright.model.task.MetricNames.reported(loaded.recipe(), metricsOf(terms, b.fields()));
    }

    private static String describe(NetworkEnds.End end) {
        return end.shape() == null ? "no shape yet" : end.shape().describe();
    }

    private static String number(double w) {
        return w == Math.rint(w) && Math.abs(w) < 1e9 ? Long.toString((long) w) : Double.toString(w);
    }

    private Optional<String> refuse(String why) {
        error.set(why);
        return Optional.of(why);
    }

    /** The rows of the input layers, in the network's order. */
    public ObservableList<InputRow> inputs() {
        return inputs;
    }

    /** The recipe's own options: the task's (KL weight, GAN parts) and, for a GAN, each noise layer's distribution. */
    public ObservableList<OptionRow> options() {
        return options;
    }

    /** The rows of the loss terms. */
    public ObservableList<ObjectiveRow> objectives() {
        return objectives;
    }

    /** The recipe, read-only here: {@code plain}, {@code vae} or {@code gan}. */
    public ReadOnlyStringProperty recipeProperty() {
        return recipe.getReadOnlyProperty();
    }

    /** The metrics the rows as they stand would report, e.g. {@code mae, rmse, r2}. */
    public ReadOnlyStringProperty metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    /** The data's fields in words, to pick from: {@code features (values a vector of 2), target (...)}. */
    public ReadOnlyStringProperty fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    /** Whether the rows show the user's saved task or the proposal, in a sentence. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** Why the last change was refused, or what is wrong with the task in force; empty when it fits. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True once a check has given a task to edit. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
