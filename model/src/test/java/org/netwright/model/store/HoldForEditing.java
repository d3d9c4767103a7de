package org.netwright.model.store;

import java.nio.file.Path;

/** Child process of {@link SecondWindowTest}: opens a project for editing, prints "editing" and waits to be killed. */
public final class HoldForEditing {
    private HoldForEditing() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ProjectStore store = ProjectStore.openForEditing(Path.of(args[0]))) {
            System.out.println("editing");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
