package org.netwright.model.store;

import java.nio.file.Path;
import org.netwright.model.SampleGraphs;

/**
 * Child process of {@link ProjectDataLossTest}: creates a project and, while its contents are being written,
 * prints "filling" and waits to be killed.
 */
public final class CreateThenHang {
    private CreateThenHang() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProjectStore.create(Path.of(args[0]), store -> {
            store.saveGraph(SampleGraphs.mlp(), "Load MLP");
            System.out.println("filling");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).close();
    }
}
