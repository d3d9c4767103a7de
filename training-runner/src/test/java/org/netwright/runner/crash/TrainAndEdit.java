package org.netwright.runner.crash;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.cli.Cli;

/**
 * Child process of {@link KillDuringWritesTest}: trains a project with {@code netwright train} (which prints
 * "epoch N/M ..." lines) while another thread saves graph edits to the same file as the editor would, printing
 * "edit K" once each has been saved, until it is killed.
 */
public final class TrainAndEdit {
    private TrainAndEdit() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Thread editor = new Thread(() -> {
            try (ProjectStore store = ProjectStore.open(file)) {
                Graph g = store.loadGraph();
                Node moved = g.nodes().values().iterator().next();
                for (int k = 1; k < 1_000_000; k++) {
                    // Moving a layer on the canvas: an edit that keeps the graph trainable for the next child.
                    g = g.withNode(moved.at(k, k));
                    store.saveGraph(g, "crash " + args[1] + " edit " + k);
                    out.println("edit " + k);
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "editor");
        editor.setDaemon(true);
        editor.start();
        System.exit(Cli.run(new String[] {"train", file.toString(), "--epochs", "100000"}, out, System.err));
    }
}
