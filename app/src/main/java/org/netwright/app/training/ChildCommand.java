package org.netwright.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.settings.TrainingSettings;

/** The command line that trains a project in a child JVM running the runner's CLI. */
public final class ChildCommand {
    static final String CLI_CLASS = "org.netwright.runner.cli.Cli";
    /**
     * System properties of the app that the child needs too: which libtorch to load, which build this is, and that
     * its messages are read in the app (so they name the app's controls, not the CLI's flags).
     */
    static final List<String> FORWARDED = List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR", "netwright.flavor",
            org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY);

    private ChildCommand() {
    }

    /**
     * {@code java -cp <our class path> -Dai.djl.offline=true Cli train <file> --events ...}: the
     * same JVM binary and class path as the app, so the child needs nothing installed besides us.
     */
    public static List<String> train(Path project, TrainingSettings settings) {
        List<String> cmd = cli(List.of());
        cmd.add("train");
        cmd.add(project.toAbsolutePath().toString());
        cmd.add("--events");
        cmd.add("--epochs");
        cmd.add(Integer.toString(settings.epochs()));
        cmd.add("--batch-size");
        cmd.add(Integer.toString(settings.batchSize()));
        cmd.add("--lr");
        cmd.add(Double.toString(settings.learningRate()));
        return cmd;
    }

    /**
     * {@code Cli train <file> --events --resume RUN [--epochs N]}: run {@code runId} goes on from its latest checkpoint
     * with its own stored settings; {@code epochs} above 0 sets how many epochs it trains in all.
     */
    public static List<String> resume(Path project, long runId, int epochs) {
        List<String> cmd = cli(List.of());
        cmd.add("train");
        cmd.add(project.toAbsolutePath().toString());
        cmd.add("--events");
        cmd.add("--resume");
        cmd.add(Long.toString(runId));
        if (epochs > 0) {
            cmd.add("--epochs");
            cmd.add(Integer.toString(epochs));
        }
        return cmd;
    }

    /**
     * The runner's CLI with {@code args} in a child JVM (e.g. {@code export P --format onnx --out D --json}): the same
     * JVM binary and class path as the app, DJL kept offline, and the GPU build's libtorch settings passed on.
     */
    public static List<String> cli(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        // DJL must never try the network: libtorch comes from the jar on the class path.
        cmd.add("-Dai.djl.offline=true");
        // One inter-op thread: libtorch's default of one per core fights the intra-op threads for a small machine's cores.
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        // The GPU build points DJL at its bundled CUDA libtorch with these; the child must load the same one.
        for (String key : FORWARDED) {
            String value = System.getProperty(key);
            if (value != null) {
                cmd.add("-D" + key + "=" + value);
            }
        }
        cmd.add(CLI_CLASS);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * The runtime's own {@code java}: in an installed app the process is jpackage's native launcher,
     * which takes no {@code -cp}, while {@code java.home} points at the bundled runtime that has one.
     */
    public static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (java.toFile().canExecute()) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse(java.toString());
    }
}
