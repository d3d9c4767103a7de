package org.netwright.app.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.netwright.app.training.ChildCommand;

/**
 * One sub-command of the runner's CLI in a child process, read to its end off the UI thread: its exit status, the
 * last JSON line it printed (every {@code --json} answer is one line) and the last line it wrote as an error.
 */
public final class CliJob {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How a CLI command ended. {@code error} is its last error line (the CLI's own sentence), empty on success. */
    public record Outcome(int exitCode, Optional<JsonNode> json, String error) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private CliJob() {
    }

    /**
     * Runs {@code netwright ARGS} in a child JVM like the app's runs; the future completes when it has exited.
     * Cancelling the future ends the child (and anything it started) at once: a check the user no longer wants.
     */
    public static CompletableFuture<Outcome> start(List<String> args) {
        return run(ChildCommand.cli(args));
    }

    /** Runs any command line and reads it as a CLI command (for tests). */
    static CompletableFuture<Outcome> run(List<String> command) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Process p = new ProcessBuilder(command).start();
                // A cancel before this line or after it ends the child; its pipes then close and the reads below end.
                done.whenComplete((outcome, error) -> {
                    if (done.isCancelled()) {
                        end(p);
                    }
                });
                p.getOutputStream().close();
                List<String> errors = new ArrayList<>();
                Thread err = new Thread(() -> errors.addAll(lines(p.getErrorStream())), "cli-job-stderr");
                err.setDaemon(true);
                err.start();
                List<String> out = lines(p.getInputStream());
                int code = p.waitFor();
                err.join();
                done.complete(new Outcome(code, lastJson(out), lastError(errors)));
            } catch (IOException e) {
                done.complete(new Outcome(-1, Optional.empty(), "could not start the command: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.complete(new Outcome(-1, Optional.empty(), "interrupted"));
            }
        }, "cli-job");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Ends a child and what it started, by force: nothing it would still write is wanted. */
    private static void end(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static List<String> lines(InputStream in) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process went away; what was read is all there is.
        }
        return lines;
    }

    static Optional<JsonNode> lastJson(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (l.startsWith("{")) {
                try {
                    return Optional.of(MAPPER.readTree(l));
                } catch (IOException e) {
                    // Not JSON after all; keep looking.
                }
            }
        }
        return Optional.empty();
    }

    /** The CLI's sentence without its {@code netwright: } prefix; stack frames and JVM notes skipped. */
    static String lastError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.isBlank() || Character.isWhitespace(l.charAt(0)) || l.startsWith("Picked up ")) {
                continue;
            }
            return l.startsWith("netwright: ") ? l.substring("netwright: ".length()) : l;
        }
        return "";
    }
}
