package org.netwright.app.training;

import org.netwright.model.run.RunEvent;
import org.netwright.model.run.RunEventJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A training run in its own process: the app reads its event lines, and a crash, a kill or an
 * out-of-memory in the child becomes a {@link RunEvent.Crashed} instead of taking the app down.
 * Events go to the sink on background threads, in order, ending with exactly one terminal event.
 */
public final class RunProcess {
    /** How long a run may take to honour {@code stop} before it is ended by force. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int STDERR_LINES_KEPT = 200;

    private final Process process;
    private final Consumer<RunEvent> sink;
    private final Duration stopGrace;
    private final Deque<String> stderr = new ArrayDeque<>();
    private final CompletableFuture<RunEvent> terminal = new CompletableFuture<>();
    private volatile boolean sawTerminal;
    private volatile boolean forced;

    private RunProcess(Process process, Consumer<RunEvent> sink, Duration stopGrace) {
        this.process = process;
        this.sink = sink;
        this.stopGrace = stopGrace;
    }

    /** Starts {@code command} and begins reading its events; see {@link ChildCommand} for the usual one. */
    public static RunProcess start(List<String> command, Consumer<RunEvent> sink) throws IOException {
        return start(command, sink, STOP_GRACE);
    }

    static RunProcess start(List<String> command, Consumer<RunEvent> sink, Duration stopGrace) throws IOException {
        Process p = new ProcessBuilder(command).start();
        RunProcess run = new RunProcess(p, sink, stopGrace);
        run.watch();
        return run;
    }

    private void watch() {
        Thread out = daemon("run-stdout", () -> readEvents(process.getInputStream()));
        Thread err = daemon("run-stderr", () -> readErrors(process.getErrorStream()));
        daemon("run-watch", () -> {
            int code = waitFor(process);
            join(out);
            join(err);
            if (!sawTerminal) {
                String last = forced
                        ? "it did not stop within " + stopGrace.toSeconds() + " s, so it was ended"
                        : lastErrorLine();
                deliver(new RunEvent.Crashed(code, last));
            }
        });
    }

    private void readEvents(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                RunEventJson.parse(line).filter(e -> !sawTerminal).ifPresent(this::deliver);
            }
        } catch (IOException e) {
            // The pipe breaks when the child dies; the watcher reports how it ended.
        }
    }

    private void readErrors(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES_KEPT) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // As above: the watcher reports the end.
        }
    }

    private void deliver(RunEvent event) {
        if (!event.isTerminal()) {
            sink.accept(event);
            return;
        }
        sawTerminal = true;
        // The listener hears the last event before result() completes, so whoever waits on the
        // result has seen every event.
        try {
            sink.accept(event);
        } finally {
            terminal.complete(event);
        }
    }

    /** Asks the run to stop after its current step; ends it by force if it has not ended after the grace time. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // The child is already going away; the forced end below still applies.
        }
        CompletableFuture.delayedExecutor(stopGrace.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                forced = true;
                process.destroyForcibly();
            }
        });
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the run's last event, once the child has ended and been read to the end. */
    public CompletableFuture<RunEvent> result() {
        return terminal;
    }

    private String lastErrorLine() {
        synchronized (stderr) {
            // Skip stack frames (indented lines): the line naming the error says more to a user.
            return stderr.stream().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .reduce((a, b) -> b).orElse("no error output");
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int waitFor(Process p) {
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                // Daemon watcher: nobody interrupts it on purpose; keep waiting for the real exit.
            }
        }
    }

    private static void join(Thread t) {
        try {
            // Bounded: a grandchild that inherited the pipes could keep them open after the child died.
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
