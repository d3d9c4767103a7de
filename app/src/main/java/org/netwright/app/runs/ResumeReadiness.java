package org.netwright.app.runs;

import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.CheckpointFormatException;
import org.netwright.runner.checkpoint.ResumePoint;

/**
 * Whether a stored run can go on (Resume) and, when not, why in one sentence: it must not be running, must have
 * kept a resumable checkpoint, must have epochs left to train (a completed run needs more epochs asked for), the
 * network must still be the one it trained, and a GAN's checkpoint must hold its discriminator's optimizer state. Pure: the caller reads the run and its checkpoint.
 */
public final class ResumeReadiness {
    private ResumeReadiness() {
    }

    /** What a run's latest checkpoint allows: nothing kept, weights only, unreadable, or a point to go on from. */
    public record Checkpoint(Kind kind, Optional<ResumePoint> point, String problem) {
        /** The kinds of checkpoint a run may have kept. */
        public enum Kind { NONE, WEIGHTS_ONLY, UNREADABLE, RESUMABLE }

        /** No checkpoint was kept. */
        public static final Checkpoint NONE = new Checkpoint(Kind.NONE, Optional.empty(), "");
        /** A checkpoint of weights only (saved before runs could be resumed). */
        public static final Checkpoint WEIGHTS_ONLY = new Checkpoint(Kind.WEIGHTS_ONLY, Optional.empty(), "");

        /** A checkpoint to go on from. */
        public static Checkpoint at(ResumePoint point) {
            return new Checkpoint(Kind.RESUMABLE, Optional.of(point), "");
        }

        /** Reads the bytes of a run's latest checkpoint, if it kept one. */
        public static Checkpoint read(Optional<byte[]> bytes) {
            if (bytes.isEmpty()) {
                return NONE;
            }
            try {
                return ResumePoint.of(bytes.get()).map(Checkpoint::at).orElse(WEIGHTS_ONLY);
            } catch (CheckpointFormatException e) {
                return new Checkpoint(Kind.UNREADABLE, Optional.empty(), e.getMessage());
            }
        }
    }

    /**
     * Why run {@code runId} (with {@code status}, planned for {@code plannedEpochs}) cannot go on to {@code
     * targetEpochs} epochs in all with the network {@code now}, the task's recipe not known; empty when it can.
     */
    public static Optional<String> whyNot(long runId, String status, int plannedEpochs, int targetEpochs,
                                          Checkpoint checkpoint, Graph now) {
        return whyNot(runId, status, plannedEpochs, targetEpochs, checkpoint, now, null);
    }

    /**
     * Why run {@code runId} (with {@code status}, planned for {@code plannedEpochs}) cannot go on to {@code
     * targetEpochs} epochs in all with the network {@code now} as a run of {@code recipe} (the task's recipe now,
     * null when not known: the child then says so itself); empty when it can.
     */
    public static Optional<String> whyNot(long runId, String status, int plannedEpochs, int targetEpochs,
                                          Checkpoint checkpoint, Graph now, String recipe) {
        String run = "Run " + runId;
        if ("running".equals(status)) {
            return Optional.of(run + " is still running.");
        }
        switch (checkpoint.kind()) {
            case NONE:
                return Optional.of(run + " kept no checkpoint (it ended before its first epoch was complete), so there"
                        + " is nothing to go on from; start a new run.");
            case WEIGHTS_ONLY:
                return Optional.of(run + "'s checkpoint holds weights only (it was saved before runs could be"
                        + " resumed); start a new run.");
            case UNREADABLE:
                return Optional.of(run + "'s checkpoint cannot be read: " + checkpoint.problem());
            default:
                break;
        }
        ResumePoint point = checkpoint.point().get();
        int done = point.epochsComplete();
        if (targetEpochs <= done) {
            String how = "completed".equals(status) && done >= plannedEpochs
                    ? " completed all " + plural(done, "epoch")
                    : "completed".equals(status) ? " stopped early after " + plural(done, "epoch") + " of "
                            + plannedEpochs
                    : " has trained " + plural(done, "epoch");
            return Optional.of(run + how + "; set more epochs than " + done + " to go on with it.");
        }
        // The runner's own reasons, asked before the click rather than when the child starts.
        return point.whyNotWith(now, runId).or(() -> point.whyNotAs(recipe, runId));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
