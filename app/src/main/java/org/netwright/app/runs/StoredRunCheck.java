package org.netwright.app.runs;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.netwright.model.graph.Graph;
import org.netwright.model.run.RunSummary;
import org.netwright.model.store.RunRecord;

/**
 * Whether a stored run can go on now, read from the project: the run, its latest checkpoint (kept for the last run
 * asked about, so judging again after each edit of the network does not read megabytes each time) and {@link
 * ResumeReadiness}. It reads the project file, so callers run it off the UI thread; one caller at a time.
 */
public final class StoredRunCheck {
    private final Supplier<List<RunRecord>> runs;
    private final LongFunction<Optional<byte[]>> checkpoints;
    /** The run whose checkpoint {@link #cached} is: its id and start (an id may be reused after a delete). */
    private String cachedKey;
    private ResumeReadiness.Checkpoint cached;

    /** What a check found: why the run cannot go on (empty when it can), and how many epochs its checkpoint holds. */
    public record Answer(Optional<String> why, int epochsComplete, RunRecord run) {
    }

    /** Reads runs with {@code runs} and a run's latest checkpoint with {@code checkpoints}. */
    public StoredRunCheck(Supplier<List<RunRecord>> runs, LongFunction<Optional<byte[]>> checkpoints) {
        this.runs = runs;
        this.checkpoints = checkpoints;
    }

    /**
     * Whether run {@code runId} can go on to {@code epochs} epochs in all (0: its own) with the network {@code now},
     * the task's recipe not known.
     */
    public Answer judge(long runId, int epochs, Graph now) {
        return judge(runId, epochs, now, null);
    }

    /**
     * Whether run {@code runId} can go on to {@code epochs} epochs in all (0: its own) with the network {@code now}
     * as a run of {@code recipe} (the task's recipe now; null when not known).
     */
    public synchronized Answer judge(long runId, int epochs, Graph now, String recipe) {
        RunRecord run = runs.get().stream().filter(r -> r.id() == runId).findFirst().orElse(null);
        if (run == null) {
            return new Answer(Optional.of("There is no run " + runId + " in the project any more."), 0, null);
        }
        String key = runId + "@" + run.startedAt();
        if (!key.equals(cachedKey)) {
            ResumeReadiness.Checkpoint read;
            try {
                read = ResumeReadiness.Checkpoint.read(checkpoints.apply(runId));
            } catch (RuntimeException e) {
                read = new ResumeReadiness.Checkpoint(ResumeReadiness.Checkpoint.Kind.UNREADABLE, Optional.empty(),
                        String.valueOf(e.getMessage()));
            }
            cached = read;
            cachedKey = key;
        }
        int planned = RunSummary.of(run, java.time.Instant.now()).settings().path("epochs").asInt(0);
        Optional<String> why = ResumeReadiness.whyNot(runId, run.status(), planned, epochs > 0 ? epochs : planned,
                cached, now, recipe);
        int complete = cached.point().map(p -> p.epochsComplete()).orElse(0);
        return new Answer(why, complete, run);
    }
}
