package org.netwright.app.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Launches the app as {@code ./netwright PROJECT} does ({@link org.netwright.app.Main}) and prints, counted from the
 * JVM's start, when the window was first laid out for drawing, when the project's graph was, and when its last run's
 * curves were (the panel says "Showing the last run"; "-" for a project without runs), then quits. Run it
 * under a display (Xvfb), e.g. after {@link LargeProject} wrote a project: {@code java -cp ... LaunchTiming FILE}.
 */
public final class LaunchTiming {
    private LaunchTiming() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis() - jvmStart;
        Thread watcher = new Thread(() -> watch(jvmStart, mainAt), "launch-timing");
        watcher.setDaemon(true);
        watcher.start();
        org.netwright.app.Main.main(args);
    }

    private static void watch(long jvmStart, long mainAt) {
        AtomicBoolean hooked = new AtomicBoolean();
        long[] window = {-1};
        long[] graph = {-1};
        long[] curves = {-1};
        long giveUp = System.currentTimeMillis() + 60_000;
        while ((graph[0] < 0 || curves[0] < 0) && System.currentTimeMillis() < giveUp) {
            sleep(5);
            try {
                Platform.runLater(() -> {
                    if (hooked.get()) {
                        return;
                    }
                    for (Window w : Window.getWindows()) {
                        Scene scene = w.getScene();
                        if (scene != null && w.isShowing()) {
                            hooked.set(true);
                            scene.addPostLayoutPulseListener(() -> {
                                long now = System.currentTimeMillis() - jvmStart;
                                if (window[0] < 0) {
                                    window[0] = now;
                                }
                                if (graph[0] < 0 && !scene.getRoot().lookupAll(".layer-node").isEmpty()) {
                                    graph[0] = now;
                                }
                                if (curves[0] < 0 && scene.getRoot().lookupAll(".label").stream()
                                        .anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                                                && l.getText() != null && l.getText().startsWith("Showing the last run"))) {
                                    curves[0] = now;
                                }
                            });
                            return;
                        }
                    }
                });
            } catch (IllegalStateException notYet) {
                // The toolkit has not started yet.
            }
        }
        System.out.printf("launch timing (ms from JVM start): main %d, window first laid out %d, project graph laid out %d,"
                + " last run's curves %s%n", mainAt, window[0], graph[0], curves[0] < 0 ? "-" : String.valueOf(curves[0]));
        sleep(1500);
        Platform.runLater(Platform::exit);
        sleep(3000);
        System.exit(0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
