package org.netwright.model.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.Shape;

/**
 * Proposes a {@link Task} from a graph's {@link NetworkEnds} and a dataset's fields, and checks a task a user
 * changed. The rules, in order:
 * <ul>
 * <li>Two unconnected parts where one turns noise into what the other takes as its data input: a GAN.</li>
 * <li>A sampling layer in the graph: a VAE (its KL term is added to the loss).</li>
 * <li>Otherwise plain. Each input layer takes the field of its own name, else the first free field of its
 * shape (noise inputs take fresh noise, label inputs the class field). Each output is trained against the first
 * field no input reads that fits it (class ids, token ids or values); with none, against the input field of
 * its own shape (an autoencoder reconstructs its input).</li>
 * </ul>
 */
public final class TaskProposal {
    /** The name of the noise field a proposal adds for a noise input layer. */
    public static final String NOISE = "noise";

    private TaskProposal() {
    }

    /** The task the runner would train; throws {@link TaskException} saying what does not fit. */
    public static Task propose(Graph graph, NetworkEnds ends, List<DataField> fields) {
        if (ends.inputs().isEmpty()) {
            throw new TaskException("The graph has no input layer; add one for the data to enter by.");
        }
        if (ends.outputs().isEmpty()) {
            throw new TaskException(noOutput(graph));
        }
        if (ends.hasGraphInput()) {
            String in = ends.inputs().stream().filter(e -> e.type().equals("graph_input")).findFirst().orElseThrow()
                    .nodeId();
            throw new TaskException("The input layer '" + in + "' is a graph input, which trains on one graph"
                    + " (an edge table NAME_edges.csv with its node table, or the communities generator); these data are samples, each "
                    + fields.stream().filter(f -> f.kind() == DataField.Kind.VALUES).findFirst()
                    .map(f -> f.shape().describe()).orElse("with fields " + names(fields)) + ".");
        }
        Optional<Task> gan = gan(graph, ends, fields);
        if (gan.isPresent()) {
            return gan.get();
        }
        try {
            return plain(graph, ends, fields);
        } catch (TaskException e) {
            // A GAN one edit away from being one (a third output layer, say) fell through to the plain rules, whose
            // message named one output against the data's classes: say first why it is no longer a GAN and what to do.
            Optional<String> notGan = notAGan(graph, ends);
            if (notGan.isEmpty()) {
                throw e;
            }
            throw new TaskException(notGan.get() + " As an ordinary network it cannot train either: " + e.getMessage());
        }
    }

    /** The plain rules (and a VAE's): each input bound to a field, each output trained against a target field. */
    private static Task plain(Graph graph, NetworkEnds ends, List<DataField> fields) {
        List<InputBinding> inputs = bindInputs(ends.inputs(), fields);
        Set<String> used = new HashSet<>();
        inputs.forEach(b -> used.add(b.field()));
        List<Objective> objectives = new ArrayList<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (NetworkEnds.End out : ends.outputs()) {
            DataField target = targetFor(out, fields, used, inputs, hasBottleneck(graph, out))
                    .orElseThrow(() -> new TaskException(noTarget(out, fields)));
            String loss = Losses.defaultFor(target);
            objectives.add(new Objective(out.nodeId(), loss, target.name(), 1.0));
            metrics.addAll(Losses.metricsFor(loss, target));
        }
        // A sampling layer makes a VAE when the network reconstructs values; before a classifier's head it is a
        // noisy bottleneck that trains as drawn, without a KL term pulling its code to the prior.
        boolean reconstructs = objectives.stream().anyMatch(o -> field(fields, o.target())
                .map(f -> f.kind() == DataField.Kind.VALUES).orElse(false));
        boolean vae = reconstructs && graph.nodes().values().stream().anyMatch(n -> n.type().equals("sampling"));
        Map<String, String> options = new LinkedHashMap<>();
        if (vae) {
            options.put(RecipeOptions.KL_WEIGHT, "1");
        }
        return new Task(vae ? Task.VAE : Task.PLAIN, inputs, objectives, List.copyOf(metrics), options);
    }

    /**
     * Every reason {@code task} cannot train the graph on these fields, one sentence each; empty when it can.
     * Checks the recipe's own options ({@link RecipeOptions}), that each input layer has a field of its shape and
     * that each loss fits its output and target.
     */
    public static List<String> problems(Task task, NetworkEnds ends, List<DataField> fields) {
        List<String> out = new ArrayList<>();
        if (!Task.RECIPES.contains(task.recipe())) {
            out.add("Unknown recipe '" + task.recipe() + "'; the recipes are " + String.join(", ", Task.RECIPES) + ".");
        }
        out.addAll(RecipeOptions.problems(task, ends));
        for (String node : ends.inputNodes()) {
            List<NetworkEnds.End> ports = ends.inputsOf(node);
            if (ports.size() != 1) {
                continue; // a graph input reads the graph dataset's features and adjacency
            }
            Optional<String> field = task.fieldOf(node);
            if (field.isPresent() && ports.get(0).type().equals("noise_input") && field.get().startsWith(NOISE)) {
                continue; // noise is drawn by the runner, not read from the data
            }
            if (field.isEmpty()) {
                out.add("No data field feeds the input layer '" + node + "'.");
                continue;
            }
            Optional<DataField> f = field(fields, field.get());
            if (f.isEmpty()) {
                out.add("The input layer '" + node + "' reads the field '" + field.get() + "', which the data does not have"
                        + " (it has " + names(fields) + ").");
            } else if (!fits(ports.get(0), f.get())) {
                out.add("The input layer '" + node + "' takes " + describe(ports.get(0).shape()) + " but the field '"
                        + f.get().name() + "' is " + f.get().describe() + "."
                        + (f.get().kind() == DataField.Kind.VALUES && ports.get(0).shape() != null
                        ? " " + DataMismatch.inputFix(f.get().shape(), node, ports.get(0).type(),
                        ports.get(0).shape()) : ""));
            }
        }
        for (Objective o : task.objectives()) {
            Optional<NetworkEnds.End> end = ends.output(o.output());
            Optional<DataField> target = field(fields, o.target());
            if (end.isEmpty()) {
                out.add("'" + o.output() + "' is not one of the network's outputs ("
                        + String.join(", ", ends.outputs().stream().map(NetworkEnds.End::nodeId).toList()) + ").");
            } else if (target.isEmpty()) {
                out.add("The loss of '" + o.output() + "' compares it with the field '" + o.target()
                        + "', which the data does not have (it has " + names(fields) + ").");
            } else if (!task.recipe().equals(Task.GAN)) {
                Losses.whyNot(o.lossName(), o.output(), end.get().shape(), target.get()).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * {@link #problems(Task, NetworkEnds, List)} plus what only the whole graph shows: a GAN's generator and
     * discriminator drawn as two unconnected parts.
     */
    public static List<String> problems(Task task, Graph graph, NetworkEnds ends, List<DataField> fields) {
        List<String> out = new ArrayList<>(problems(task, ends, fields));
        if (out.isEmpty() && task.recipe().equals(Task.GAN) && graph != null) {
            try {
                GanParts.of(graph, task);
            } catch (TaskException e) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    private static Optional<DataField> field(List<DataField> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static String names(List<DataField> fields) {
        return fields.isEmpty() ? "no fields"
                : String.join(", ", fields.stream().map(f -> f.name() + " (" + f.describe() + ")").toList());
    }

    private static String describe(Shape s) {
        return s == null ? "an unknown shape" : s.describe();
    }

    /**
     * Whether a field can feed an input end: the same number of values, and ids where the layer takes ids (public so
     * that the app's task editor offers only the fields a proposal could bind).
     */
    public static boolean fits(NetworkEnds.End in, DataField f) {
        if (in.shape() == null) {
            return false;
        }
        return switch (in.type()) {
            case "noise_input" -> f.kind() == DataField.Kind.NOISE && f.shape().size() == in.shape().size();
            case "label_input" -> f.kind() == DataField.Kind.CLASS_ID;
            // Values may hold token ids too (a table of ids, the classic token generator); ids are checked as they enter.
            case "token_input" -> (f.kind() == DataField.Kind.TOKEN_IDS || f.kind() == DataField.Kind.VALUES)
                    && f.shape().equals(in.shape());
            default -> (f.kind() == DataField.Kind.VALUES || f.kind() == DataField.Kind.TOKEN_IDS)
                    && f.shape().size() == in.shape().size();
        };
    }

    private static List<InputBinding> bindInputs(List<NetworkEnds.End> ends, List<DataField> fields) {
        List<InputBinding> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (NetworkEnds.End in : ends) {
            if (in.type().equals("graph_input")) {
                continue; // node features and adjacency come from the graph dataset itself
            }
            if (in.type().equals("noise_input")) {
                out.add(new InputBinding(in.nodeId(), noiseName(in, ends)));
                continue;
            }
            DataField chosen = pick(in, fields, taken);
            List<DataField> valueFields = fields.stream().filter(f -> f.kind() == DataField.Kind.VALUES).toList();
            Optional<InputBinding> reader = chosen != null || valueFields.size() != 1 || !fits(in, valueFields.get(0))
                    ? Optional.empty()
                    : out.stream().filter(b -> b.field().equals(valueFields.get(0).name())).findFirst();
            if (reader.isPresent()) {
                // The one field fits this input too, but another input reads it: its shape is not the trouble.
                throw new TaskException("The input layer '" + in.nodeId() + "' has no data left to read: the data's"
                        + " samples ('" + valueFields.get(0).name() + "', " + valueFields.get(0).shape().describe()
                        + ") already feed '" + reader.get().node() + "'. Delete the extra input layer or connect"
                        + " its layers to '" + reader.get().node() + "' instead.");
            }
            if (chosen == null && valueFields.size() == 1 && in.shape() != null) {
                throw new TaskException(DataMismatch.samplesVsInput(valueFields.get(0).shape(), in.nodeId(), in.type(),
                        in.shape()));
            }
            if (chosen == null) {
                throw new TaskException("The input layer '" + in.nodeId() + "' takes " + describe(in.shape())
                        + ", but the data has no field that fits it (it has " + names(fields) + ").");
            }
            if (in.type().equals("label_input") && chosen.classes() > 0 && in.shape() != null) {
                // a class condition may feed several label inputs (a cGAN's generator and discriminator)
                out.add(new InputBinding(in.nodeId(), chosen.name()));
                continue;
            }
            taken.add(chosen.name());
            out.add(new InputBinding(in.nodeId(), chosen.name()));
        }
        return out;
    }

    /**
     * Why the graph has no output, with what to do: a block (composite) ending the network does not count as its output
     * layer, so the user is told to add a layer after it; otherwise nothing follows the input yet.
     */
    private static String noOutput(Graph graph) {
        List<String> blocks = graph.sinks().stream()
                .filter(id -> graph.require(id).type().equals(CompositePorts.COMPOSITE)).toList();
        if (!blocks.isEmpty()) {
            return "The network ends in the block '" + blocks.get(0) + "', and a block cannot be its output layer:"
                    + " add a layer after it (a Dense layer for the result, say).";
        }
        return "The graph has no output layer: connect a layer after the input.";
    }

    private static String noiseName(NetworkEnds.End in, List<NetworkEnds.End> ends) {
        long noiseInputs = ends.stream().filter(e -> e.type().equals("noise_input")).count();
        return noiseInputs == 1 ? NOISE : NOISE + "_" + in.nodeId();
    }

    private static DataField pick(NetworkEnds.End in, List<DataField> fields, Set<String> taken) {
        for (DataField f : fields) {
            if (f.name().equals(in.nodeId()) && fits(in, f)) {
                return f;
            }
        }
        for (DataField f : fields) {
            if (!taken.contains(f.name()) && fits(in, f)) {
                return f;
            }
        }
        return null;
    }

    private static Optional<DataField> targetFor(NetworkEnds.End out, List<DataField> fields, Set<String> used,
                                                 List<InputBinding> inputs, boolean bottleneck) {
        for (DataField f : fields) {
            if (used.contains(f.name()) || f.kind() == DataField.Kind.NOISE) {
                continue;
            }
            if (Losses.whyNot(Losses.defaultFor(f), out.nodeId(), out.shape(), f).isEmpty()) {
                return Optional.of(f);
            }
        }
        // An autoencoder: the output is trained to give back what one of its inputs read, when the data offer
        // nothing else to predict or the network squeezes the data through a bottleneck (otherwise a label that does
        // not fit the output is a mistake to report, not a hint to reconstruct).
        boolean otherTargets = fields.stream().anyMatch(f -> !used.contains(f.name()) && f.kind() != DataField.Kind.NOISE);
        for (InputBinding b : otherTargets && !bottleneck ? List.<InputBinding>of() : inputs) {
            Optional<DataField> f = field(fields, b.field());
            if (f.isPresent() && f.get().kind() == DataField.Kind.VALUES && out.shape() != null
                    && f.get().shape().size() == out.shape().size()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** True when some layer before the output holds fewer numbers than the output: the mark of an autoencoder. */
    private static boolean hasBottleneck(Graph graph, NetworkEnds.End out) {
        if (out.shape() == null) {
            return false;
        }
        org.netwright.model.shape.GraphShapes shapes = org.netwright.model.shape.ShapeInference.infer(graph);
        for (String id : shapes.order()) {
            org.netwright.model.shape.NodeReport r = shapes.report(id);
            if (r != null && r.isOk() && !id.equals(out.nodeId()) && graph.reaches(id, out.nodeId())) {
                for (Shape s : r.outputs().values()) {
                    if (s != null && s.size() < out.shape().size()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String noTarget(NetworkEnds.End out, List<DataField> fields) {
        for (DataField f : fields) {
            if (f.kind() == DataField.Kind.CLASS_ID || f.kind() == DataField.Kind.TOKEN_IDS) {
                Optional<String> why = Losses.whyNot("cross_entropy", out.nodeId(), out.shape(), f);
                if (why.isPresent()) {
                    return why.get();
                }
            }
        }
        return "Nothing in the data fits the output layer '" + out.nodeId() + "' (" + describe(out.shape())
                + "): the data has " + names(fields) + ".";
    }

    /**
     * A GAN: one part of the graph starts at a noise input and ends in a sample shaped like the data input of
     * another, separate part that ends in one score.
     */
    private static Optional<Task> gan(Graph graph, NetworkEnds ends, List<DataField> fields) {
        List<Set<String>> parts = components(graph);
        if (parts.size() != 2) {
            return Optional.empty();
        }
        for (int g = 0; g < 2; g++) {
            Set<String> gen = parts.get(g);
            Set<String> dis = parts.get(1 - g);
            List<NetworkEnds.End> genOut = ends.outputs().stream().filter(e -> gen.contains(e.nodeId())).toList();
            List<NetworkEnds.End> disOut = ends.outputs().stream().filter(e -> dis.contains(e.nodeId())).toList();
            boolean hasNoise = ends.inputs().stream().anyMatch(e -> gen.contains(e.nodeId())
                    && e.type().equals("noise_input"));
            if (!hasNoise || genOut.size() != 1 || disOut.size() != 1 || genOut.get(0).shape() == null) {
                continue;
            }
            Shape sample = genOut.get(0).shape();
            Optional<NetworkEnds.End> real = ends.inputs().stream().filter(e -> dis.contains(e.nodeId())
                    && !e.type().equals("label_input") && sample.equals(e.shape())).findFirst();
            Shape score = disOut.get(0).shape();
            if (real.isEmpty() || score == null || score.size() != 1) {
                continue;
            }
            List<InputBinding> inputs = bindInputs(ends.inputs(), fields);
            String realField = inputs.stream().filter(b -> b.node().equals(real.get().nodeId()))
                    .map(InputBinding::field).findFirst().orElseThrow();
            Map<String, String> options = new LinkedHashMap<>();
            options.put(RecipeOptions.GENERATOR, genOut.get(0).nodeId());
            options.put(RecipeOptions.DISCRIMINATOR, disOut.get(0).nodeId());
            options.put(RecipeOptions.REAL_INPUT, real.get().nodeId());
            return Optional.of(new Task(Task.GAN, inputs,
                    List.of(new Objective(genOut.get(0).nodeId(), "bce_with_logits", realField, 1.0)), List.of(), options));
        }
        return Optional.empty();
    }

    /**
     * Why a network with a noise input in a part of its own is not the GAN it looks like, with what to do; empty when
     * it does not look like one (a noise input inside a connected network, or no noise input at all). The rules are
     * {@link #gan}'s: two unconnected parts, the one from the noise ending in one sample shaped like the other's data
     * input, the other ending in one score.
     */
    static Optional<String> notAGan(Graph graph, NetworkEnds ends) {
        List<Set<String>> parts = components(graph);
        List<Set<String>> noisy = parts.stream().filter(p -> ends.inputs().stream()
                .anyMatch(e -> p.contains(e.nodeId()) && e.type().equals("noise_input"))).toList();
        if (parts.size() < 2 || noisy.size() != 1) {
            return Optional.empty();
        }
        Set<String> gen = noisy.get(0);
        String noise = ends.inputs().stream().filter(e -> gen.contains(e.nodeId()) && e.type().equals("noise_input"))
                .findFirst().orElseThrow().nodeId();
        String start = "Not trained as a GAN: ";
        if (parts.size() > 2) {
            List<String> apart = new ArrayList<>();
            for (Set<String> p : parts) {
                if (p != gen) {
                    apart.add(quoted(List.copyOf(p)));
                }
            }
            return Optional.of(start + "a GAN is two unconnected parts, the generator (from '" + noise
                    + "') and the discriminator, but beside the generator stand " + (parts.size() - 1) + " parts: "
                    + String.join("; ", apart) + ". Connect or delete the layers that belong to neither.");
        }
        Set<String> dis = parts.get(0) == gen ? parts.get(1) : parts.get(0);
        List<String> genOut = ends.outputs().stream().filter(e -> gen.contains(e.nodeId()))
                .map(NetworkEnds.End::nodeId).toList();
        List<NetworkEnds.End> disOut = ends.outputs().stream().filter(e -> dis.contains(e.nodeId())).toList();
        String disName = ends.inputs().stream().filter(e -> dis.contains(e.nodeId())
                && !e.type().equals("label_input")).map(e -> "the part from '" + e.nodeId() + "'").findFirst()
                .orElse("the other part");
        if (genOut.size() > 1) {
            return Optional.of(start + "its generator (the part from '" + noise + "') ends in " + genOut.size()
                    + " output layers, " + quoted(genOut) + ", and a GAN's generator ends in one, its sample. "
                    + "Delete the output layer you added or connect it on, and it trains as a GAN again.");
        }
        if (disOut.size() > 1) {
            return Optional.of(start + "its discriminator (" + disName + ") ends in " + disOut.size()
                    + " output layers, " + quoted(disOut.stream().map(NetworkEnds.End::nodeId).toList())
                    + ", and a GAN's discriminator ends in one, its score. "
                    + "Delete the output layer you added or connect it on, and it trains as a GAN again.");
        }
        if (disOut.size() == 1 && disOut.get(0).shape() != null && disOut.get(0).shape().size() != 1) {
            return Optional.of(start + "its discriminator (" + disName + ") ends in '" + disOut.get(0).nodeId()
                    + "', which gives " + disOut.get(0).shape().describe() + "; a GAN's discriminator gives one score."
                    + " Make it a Dense layer of 1 unit.");
        }
        if (genOut.size() == 1) {
            Shape sample = ends.output(genOut.get(0)).map(NetworkEnds.End::shape).orElse(null);
            boolean taken = ends.inputs().stream().anyMatch(e -> dis.contains(e.nodeId())
                    && !e.type().equals("label_input") && sample != null && sample.equals(e.shape()));
            if (!taken && sample != null) {
                return Optional.of(start + "its generator's sample ('" + genOut.get(0) + "', " + sample.describe()
                        + ") is not what " + disName + " takes; a GAN's discriminator reads samples shaped like the"
                        + " generator's. Make the two the same size.");
            }
        }
        return Optional.empty();
    }

    /** Layer ids in a sentence: 'a', 'b' and 'c'. */
    private static String quoted(List<String> ids) {
        List<String> q = ids.stream().map(id -> "'" + id + "'").toList();
        return q.size() == 1 ? q.get(0)
                : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }

    /** The graph's weakly connected parts, each as its node ids, in the order their first node appears. */
    public static List<Set<String>> components(Graph graph) {
        List<Set<String>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> neighbours = new LinkedHashMap<>();
        for (String id : graph.nodes().keySet()) {
            neighbours.put(id, new ArrayList<>());
        }
        for (Edge e : graph.edges()) {
            neighbours.get(e.from().nodeId()).add(e.to().nodeId());
            neighbours.get(e.to().nodeId()).add(e.from().nodeId());
        }
        for (String start : graph.nodes().keySet()) {
            if (!seen.add(start)) {
                continue;
            }
            Set<String> part = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                part.add(id);
                for (String n : neighbours.get(id)) {
                    if (seen.add(n)) {
                        todo.push(n);
                    }
                }
            }
            out.add(part);
        }
        return out;
    }
}
