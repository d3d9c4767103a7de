package org.netwright.model.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.graph.Graph;

/**
 * A task saved by the user carried over to other data: the runner's proposal for the new data, with each of the
 * user's choices that still applies put back (a recipe option, an output's loss, target and weight, an input's
 * field), one at a time and only when the task still fits afterwards. Pure.
 */
public final class TaskCarryOver {
    private TaskCarryOver() {
    }

    /** The task for the new data, and the user's choices it kept, in words ("the loss huber on 'out'"). */
    public record Result(Task task, List<String> kept) {
        public Result {
            kept = List.copyOf(kept);
        }
    }

    /**
     * The proposal for the new data with what the user set in {@code saved} where it still fits the graph, its ends
     * and the new data's {@code fields}; the proposal itself when nothing applies (another recipe, say).
     */
    public static Result of(Task saved, Task proposal, Graph graph, NetworkEnds ends, List<DataField> fields) {
        List<String> kept = new ArrayList<>();
        if (saved == null || !saved.recipe().equals(proposal.recipe())) {
            return new Result(proposal, kept);
        }
        Task task = proposal;
        for (Map.Entry<String, String> o : saved.options().entrySet()) {
            if (!o.getValue().equals(task.options().get(o.getKey()))) {
                Task tried = task.withOption(o.getKey(), o.getValue());
                if (fits(tried, graph, ends, fields)) {
                    task = tried;
                    kept.add("the option " + o.getKey() + " = " + o.getValue());
                }
            }
        }
        for (InputBinding b : saved.inputs()) {
            Optional<String> now = task.fieldOf(b.node());
            if (now.isPresent() && !now.get().equals(b.field())) {
                List<InputBinding> inputs = new ArrayList<>();
                for (InputBinding i : task.inputs()) {
                    inputs.add(i.node().equals(b.node()) ? b : i);
                }
                Task tried = task.withInputs(inputs);
                if (fits(tried, graph, ends, fields)) {
                    task = tried;
                    kept.add("the field '" + b.field() + "' for '" + b.node() + "'");
                }
            }
        }
        for (Objective mine : saved.objectives()) {
            for (int i = 0; i < task.objectives().size(); i++) {
                Objective now = task.objectives().get(i);
                if (!now.output().equals(mine.output()) || now.equals(mine)) {
                    continue;
                }
                // The whole objective first (loss, target and weight), else its loss and weight on the new target.
                for (Objective candidate : List.of(mine,
                        new Objective(now.output(), mine.loss(), now.target(), mine.weight()),
                        new Objective(now.output(), now.loss(), now.target(), mine.weight()))) {
                    if (candidate.equals(now)) {
                        continue;
                    }
                    List<Objective> objectives = new ArrayList<>(task.objectives());
                    objectives.set(i, candidate);
                    Task tried = task.withObjectives(objectives);
                    if (fits(tried, graph, ends, fields)) {
                        task = tried;
                        kept.add(words(now, candidate));
                        break;
                    }
                }
            }
        }
        return new Result(Task.GAN.equals(task.recipe()) ? task : task.withMetrics(metrics(task, fields)), kept);
    }

    private static boolean fits(Task task, Graph graph, NetworkEnds ends, List<DataField> fields) {
        return TaskProposal.problems(task, graph, ends, fields).isEmpty();
    }

    /** The metrics the task's objectives report on these fields (as a proposal would list them). */
    private static List<String> metrics(Task task, List<DataField> fields) {
        Set<String> out = new LinkedHashSet<>();
        for (Objective o : task.objectives()) {
            fields.stream().filter(f -> f.name().equals(o.target())).findFirst()
                    .ifPresent(f -> out.addAll(Losses.metricsFor(o.lossName(), f)));
        }
        return List.copyOf(out);
    }

    private static String words(Objective proposed, Objective kept) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (!kept.loss().equals(proposed.loss())) {
            parts.put("loss", kept.loss());
        }
        if (!kept.target().equals(proposed.target())) {
            parts.put("target", "'" + kept.target() + "'");
        }
        if (kept.weight() != proposed.weight()) {
            parts.put("weight", kept.weight() == Math.rint(kept.weight()) ? Long.toString((long) kept.weight())
                    : Double.toString(kept.weight()));
        }
        List<String> words = new ArrayList<>();
        parts.forEach((k, v) -> words.add("the " + k + " " + v));
        return String.join(", ", words) + " of '" + kept.output() + "'";
    }
}
