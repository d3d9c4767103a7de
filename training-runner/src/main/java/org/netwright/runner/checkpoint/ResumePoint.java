package org.netwright.runner.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.NetworkChange;
import org.netwright.model.json.GraphFormatException;
import org.netwright.model.json.GraphJson;

/**
 * Where a run can go on from: the epoch of its latest resumable checkpoint, whether it stopped inside that epoch,
 * the network it trained (kept in the checkpoint since runs could be resumed from the app; absent in older ones) and
 * the names of the parts it holds. Pure Java, so the app reads it without starting the engine; the CLI and the run
 * read it the same way.
 */
public record ResumePoint(int epoch, boolean partial, Optional<Graph> network, java.util.Set<String> parts) {
    /** The run-state part holding the trained network as graph JSON. */
    public static final String NETWORK = "graph";
    /** The run-state part holding a GAN discriminator's optimizer state (absent in checkpoints saved before it was kept). */
    public static final String DISCRIMINATOR_OPTIMIZER = "discriminator_optimizer";

    public ResumePoint {
        parts = java.util.Set.copyOf(parts);
    }

    /** A point whose parts are not known (for tests of what does not depend on them). */
    public ResumePoint(int epoch, boolean partial, Optional<Graph> network) {
        this(epoch, partial, network, java.util.Set.of());
    }

    /** The network's bytes for {@link #NETWORK}. */
    public static byte[] networkPart(Graph graph) {
        return GraphJson.write(graph).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a checkpoint's resume point; empty for a checkpoint that holds weights only (saved before runs could be
     * resumed). Throws {@link CheckpointFormatException} for a damaged one.
     */
    public static Optional<ResumePoint> of(byte[] checkpoint) {
        if (!RunState.isRunState(checkpoint)) {
            return Optional.empty();
        }
        return Optional.of(of(RunState.read(checkpoint)));
    }

    /** The resume point of a run state that was read already. */
    public static ResumePoint of(RunState state) {
        byte[] net = state.parts().get(NETWORK);
        Optional<Graph> network = Optional.empty();
        if (net != null) {
            try {
                network = Optional.of(GraphJson.read(new String(net, StandardCharsets.UTF_8)));
            } catch (GraphFormatException e) {
                throw new CheckpointFormatException("The network kept in the checkpoint of epoch " + state.epoch()
                        + " cannot be read (" + e.getMessage() + ").");
            }
        }
        return new ResumePoint(state.epoch(), state.parts().containsKey("partial"), network, state.parts().keySet());
    }

    /** The epochs the run finished before this point (a stop inside an epoch leaves that epoch to be trained again). */
    public int epochsComplete() {
        return partial ? epoch - 1 : epoch;
    }

    /**
     * Why run {@code runId} cannot go on with the network {@code now}: the first thing that changed since it trained,
     * or empty when it is the same network or the checkpoint does not say (the run then checks the weights' shapes).
     * A {@code runId} of 0 speaks of "the checkpoint" instead of a run.
     */
    public Optional<String> whyNotWith(Graph now, long runId) {
        String since = runId > 0 ? "run " + runId + " trained" : "the checkpoint was saved";
        return network.flatMap(then -> NetworkChange.between(then, now)).map(change -> "The network changed since "
                + since + " (" + change + "); undo that change to go on with the run, or start a new run.");
    }

    /**
     * Why a run of recipe {@code recipe} ({@code Task.GAN}, ...; null when not known) cannot go on from a checkpoint
     * holding {@code parts}: a GAN needs its discriminator's optimizer state, which checkpoints saved before it was
     * kept lack (its moments would start from zero, not as they were). Empty when it can. A {@code runId} of 0
     * speaks of "this checkpoint" instead of a run's.
     */
    public static Optional<String> whyNotAs(String recipe, java.util.Set<String> parts, long runId) {
        if (!org.netwright.model.task.Task.GAN.equals(recipe) || parts.contains(DISCRIMINATOR_OPTIMIZER)) {
            return Optional.empty();
        }
        return Optional.of((runId > 0 ? "Run " + runId + "'s checkpoint" : "This checkpoint") + " has no state of the"
                + " discriminator's optimizer (it was saved by an older version), so the GAN cannot go on from it"
                + " exactly; start a new run.");
    }

    /** {@link #whyNotAs(String, java.util.Set, long)} for this point's parts. */
    public Optional<String> whyNotAs(String recipe, long runId) {
        return whyNotAs(recipe, parts, runId);
    }
}
