package org.netwright.app.project;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.netwright.model.store.ProjectFileException;

/**
 * The first project's opening (the file checked and read, its graph's shapes inferred, the editor's model made), begun
 * on a background thread as the app launches, so that it overlaps JavaFX's start and the window's building instead of
 * following them on the window's thread. The window takes it when it opens that file; a file that is not taken (the
 * user opened another first, the app quit) is closed, so its editing lock never outlives the app.
 */
public final class OpeningAhead {
    private final Path file;
    private final CompletableFuture<ProjectSession> opening;

    private OpeningAhead(Path file, CompletableFuture<ProjectSession> opening) {
        this.file = file;
        this.opening = opening;
    }

    /** Starts opening {@code file} with {@code open} on a daemon thread and returns at once. */
    public static OpeningAhead begin(Path file, Supplier<ProjectSession> open) {
        CompletableFuture<ProjectSession> opening = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                opening.complete(open.get());
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "netwright-open-ahead");
        t.setDaemon(true);
        t.start();
        return new OpeningAhead(file.toAbsolutePath().normalize(), opening);
    }

    /** The file being opened. */
    public Path file() {
        return file;
    }

    /**
     * The opened project when {@code wanted} is this file (waiting for it if need be), else empty; throws what opening
     * it threw (a {@link ProjectFileException} with its sentence for the user) as opening it now would have.
     */
    Optional<ProjectSession> take(Path wanted) {
        if (!file.equals(wanted.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        try {
            return Optional.of(opening.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Lets the opening go unused: the project is closed once it has opened (or at once, if it has). */
    void discard() {
        letGo = opening.thenAccept(ProjectSession::close);
    }

    /** The closing of a project let go (see {@link #discard}); null while it has not been let go. */
    private volatile CompletableFuture<Void> letGo;

    /**
     * Waits until the opening has ended and, once let go, its project is closed: nothing of it then touches the file
     * (a test's folder can be deleted).
     */
    void awaitEnd(java.time.Duration atMost) throws Exception {
        CompletableFuture<?> last = letGo != null ? letGo : opening;
        last.handle((value, error) -> null).get(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
