package org.netwright.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.settings.TrainingSettings;

/** The command line that trains a project in a child JVM running the runner's CLI. */
public final class ChildCommand {
    static final String CLI_CLASS = "org.netwright.runner.cli.Cli";

    private ChildCommand() {
    }

    /**
     * {@code java -cp <our class path> -Dai.djl.offline=true Cli train <file> --events ...}: the
     * same JVM binary and class path as the app, so the child needs nothing installed besides us.
     */
    public static List<String> train(Path project, TrainingSettings settings) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        // DJL must never try the network: libtorch comes from the jar on the class path.
        cmd.add("-Dai.djl.offline=true");
        // One inter-op thread: libtorch's default of one per core fights the intra-op threads for a small machine's cores.
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add(CLI_CLASS);
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
