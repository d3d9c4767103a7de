package org.netwright.runner.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.netwright.model.run.RunEvent;
import org.netwright.model.run.RunEventJson;

/**
 * One trial as a child JVM: the same {@code java} and class path as this process running the runner's
 * {@code train PROJECT --events} with the trial's flags and a share of the cores, its event lines read back
 * with {@link RunEventJson#parse}. The child's stdin stays open while it runs (closing it means stop).
 */
final class TrialProcess {
    static final String CLI_CLASS = "org.netwright.runner.cli.Cli";
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // A sweep that is interrupted takes its trials with it; their runs then read as interrupted.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroy), "sweep-trials-stop"));
    }

    private TrialProcess() {
    }

    /**
     * The command line of a trial: {@code java -cp CP -D... Cli train PROJECT --events FLAGS}; libtorch gets
     * {@code threads} intra-op threads and one inter-op thread, and DJL never goes online.
     */
    static List<String> command(Path project, int threads, List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        // The engine's other settings (cache folders, library paths) travel with the trial.
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("ai.djl.") && !k.equals("ai.djl.offline")
                        && !k.startsWith("ai.djl.pytorch.num_"))
                .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        cmd.add(CLI_CLASS);
        cmd.add("train");
        cmd.add(project.toAbsolutePath().toString());
        cmd.add("--events");
        cmd.addAll(flags);
        return cmd;
    }

    /** Runs a trial to its end and says how it went; never throws for a failing trial. */
    static TrialResult run(int trial, Map<String, Number> params, List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return new TrialResult(trial, params, 0, RunEvent.Failed.STATUS, null, "could not start the trial: "
                    + e.getMessage());
        }
        LIVE.add(p);
        Deque<String> errors = new ArrayDeque<>();
        Thread err = new Thread(() -> drain(p, errors), "sweep-trial-" + trial + "-stderr");
        err.setDaemon(true);
        err.start();
        long runId = 0;
        RunEvent last = null;
        try (OutputStream stdin = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Optional<RunEvent> e = RunEventJson.parse(line);
                if (e.isEmpty()) {
                    continue;
                }
                if (e.get() instanceof RunEvent.Started s) {
                    runId = s.runId();
                } else if (e.get().isTerminal()) {
                    last = e.get();
                }
            }
            waitFor(p);
        } catch (IOException e) {
            // The child's pipe broke: it died; how it ended is said below.
        } finally {
            LIVE.remove(p);
        }
        try {
            err.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (last instanceof RunEvent.Finished f) {
            return new TrialResult(trial, params, runId, f.status(), f.metrics(), null);
        }
        String why = last instanceof RunEvent.Failed f ? f.message() : lastError(errors, p);
        return new TrialResult(trial, params, runId, RunEvent.Failed.STATUS, null, why);
    }

    private static void drain(Process p, Deque<String> kept) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (kept) {
                    kept.addLast(line);
                    if (kept.size() > 50) {
                        kept.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The child is gone; what it said is kept.
        }
    }

    private static String lastError(Deque<String> errors, Process p) {
        synchronized (errors) {
            String line = errors.stream().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .reduce((a, b) -> b).orElse("no error output");
            return "the trial's process ended with exit code " + (p.isAlive() ? "?" : p.exitValue()) + ": " + line;
        }
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            // The sweep is being cancelled: the trial goes with it.
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The runtime's own {@code java} (an installed app's bundled runtime has one even when it runs a native launcher). */
    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (java.toFile().canExecute()) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse(java.toString());
    }
}
