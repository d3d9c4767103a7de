package org.netwright.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;

/**
 * A project's last run, read from the moment its file is chosen: a run of a million steps takes about half a second
 * to read, and read this way it is read beside the file's check and the building of the window instead of after
 * them. The window {@link #take}s it for the run it shows once the project is open; a read of another run, of a run
 * still running (another process may be writing it), or of a file that could not be read ahead, gives nothing, and
 * the window reads the run as before.
 */
public final class LastRunAhead {
    /** Reads ahead on daemon threads, one per project being opened, so a stale read never holds up the next. */
    private static final Executor READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "netwright-last-run-ahead");
        t.setDaemon(true);
        return t;
    });

    record Read(RunRecord run, RunHistory.Stored stored) {
    }

    private final AtomicReference<CompletableFuture<Optional<Read>>> reading;
    private final boolean begun;

    LastRunAhead(CompletableFuture<Optional<Read>> reading) {
        this.reading = new AtomicReference<>(reading);
        this.begun = reading != null;
    }

    /** Whether a read was begun (and may have been taken since); false for {@link #none()}. */
    public boolean wasBegun() {
        return begun;
    }

    /** Nothing read ahead. */
    public static LastRunAhead none() {
        return new LastRunAhead(null);
    }

    /** Begins reading {@code file}'s last run as the training panel draws it ({@link RunHistory.Stored}). */
    public static LastRunAhead begin(Path file) {
        return new LastRunAhead(CompletableFuture.supplyAsync(() -> read(file), READERS));
    }

    private static Optional<Read> read(Path file) {
        Optional<ProjectStore> ahead = ProjectStore.openReadingAhead(file);
        if (ahead.isEmpty()) {
            return Optional.empty();
        }
        try (ProjectStore reader = ahead.get()) {
            List<RunRecord> runs = reader.runs();
            if (runs.isEmpty() || "running".equals(runs.get(runs.size() - 1).status())) {
                return Optional.empty();
            }
            RunRecord last = runs.get(runs.size() - 1);
            return Optional.of(new Read(last, RunHistory.withEarlierRuns(last, RunHistory.Stored.read(reader, last.id()),
                    id -> runs.stream().filter(r -> r.id() == id).findFirst(),
                    id -> RunHistory.Stored.read(reader, id))));
        } catch (RuntimeException e) {
            // A file the opening refuses, or one that changed under the read: the window reads the run itself.
            return Optional.empty();
        }
    }

    /**
     * What was read of {@code run} (the last run of the project as opened), once read; empty when the read was of
     * another run, of a run running then or now, or failed. Taken once: a later call gives empty, and the points
     * are no longer held here.
     */
    public CompletableFuture<Optional<RunHistory.Stored>> take(RunRecord run) {
        CompletableFuture<Optional<Read>> taken = reading.getAndSet(null);
        if (taken == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // A read that failed in any way leaves the run to the window, which reads it itself and says what went wrong.
        return taken.exceptionally(error -> Optional.empty())
                .thenApply(read -> read.filter(r -> r.run().id() == run.id() && !"running".equals(run.status()))
                        .map(Read::stored));
    }
}
