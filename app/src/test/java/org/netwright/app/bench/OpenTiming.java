package org.netwright.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netwright.app.MainWindow;
import org.netwright.app.project.RecentProjects;
import org.netwright.app.project.Workspace;
import org.netwright.editor.canvas.GraphCanvas;

/**
 * The steps of {@code LargeProjectOpenUiTest} in a JVM of their own, for comparing builds by hand without Maven: opens
 * LARGE (a {@link LargeProject} of 1,000 nodes) in a fresh window, then ROUNDS times SMALL and LARGE again as File >
 * Open does, and prints the clock and the CPU of the FX and render threads up to the first frame with the large
 * project's cards and up to its curves. Run it headless with Monocle's properties (see the app's surefire argLine):
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw ... OpenTiming LARGE SMALL ROUNDS
 * [--small-first]}; with {@code --small-first} the fresh window opens SMALL, so the first round is the JVM's first
 * large project, as File > Open right after a launch. SMALL is made from the shapes-cnn template when it does not
 * exist. {@code app/bench-open.sh} runs it (and {@link LaunchTiming}) with the class path and a project made.
 */
public final class OpenTiming {
    private OpenTiming() {
    }

    public static void main(String[] args) {
        Window.large = Path.of(args[0]);
        Window.small = Path.of(args[1]);
        if (!java.nio.file.Files.exists(Window.small)) {
            // Any small project will do: the point is a window that opened something else first.
            org.netwright.app.project.ProjectFiles.createFromTemplate(Window.small,
                    org.netwright.templates.TemplateLibrary.find("shapes-cnn").orElseThrow());
        }
        Window.rounds = Integer.parseInt(args[2]);
        Window.smallFirst = args.length > 3 && args[3].equals("--small-first");
        Application.launch(Window.class, args);
    }

    /** The JavaFX side; public for the launcher. */
    public static final class Window extends Application {
        private static Path large;
        private static Path small;
        private static int rounds;
        /** The fresh window opens SMALL, so the first LARGE is the JVM's first large project (File > Open after launch). */
        private static boolean smallFirst;
        private static volatile String fxThread = "";
        private volatile long started;
        private volatile long startedCpu;
        private volatile long cardsNanos;
        private volatile long cardsCpu;
        private volatile boolean watching;
        private Workspace workspace;
        private MainWindow window;

        private static long uiThreadsCpu() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(fxThread) || t.getName().startsWith("QuantumRenderer")) {
                    sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
                }
            }
            return sum;
        }

        @Override
        public void start(Stage stage) {
            fxThread = Thread.currentThread().getName();
            started = System.nanoTime();
            startedCpu = uiThreadsCpu();
            workspace = new Workspace(RecentProjects.inHome(large.toAbsolutePath().getParent()));
            workspace.open(smallFirst ? small : large).ifPresent(why -> {
                throw new IllegalStateException(why);
            });
            long opened = System.nanoTime() - started;
            window = new MainWindow(stage, workspace, (p, s, e) -> {
                throw new IllegalStateException("no training here");
            }, large.toAbsolutePath().getParent());
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1600);
            stage.setHeight(1000);
            Scene scene = stage.getScene();
            watching = true;
            scene.addPostLayoutPulseListener(() -> {
                if (!watching || workspace.session() == null
                        || workspace.session().editor().graph().nodes().size() != 1000) {
                    return;
                }
                if (scene.lookup("#graph-canvas") instanceof GraphCanvas c && c.shownCardCount() > 0) {
                    cardsNanos = System.nanoTime() - started;
                    cardsCpu = uiThreadsCpu() - startedCpu;
                    watching = false;
                }
            });
            stage.show();
            System.out.printf("fresh window: project opened %.0f ms, window shown %.0f ms%n", opened / 1e6,
                    (System.nanoTime() - started) / 1e6);
            Thread driver = new Thread(this::drive, "open-timing");
            driver.setDaemon(true);
            driver.start();
        }

        /** Why the last opening of the small or the large project was refused; null while none was. */
        private final java.util.concurrent.atomic.AtomicReference<String> refused =
                new java.util.concurrent.atomic.AtomicReference<>();

        private void drive() {
            try {
                if (smallFirst) {
                    watching = false;
                    Thread.sleep(3000);
                    System.out.println("fresh window: the small project");
                } else {
                    untilFirstFrameAndCurves();
                    System.out.printf("fresh window: first frame %.0f ms (CPU %.0f ms), curves %.0f ms (CPU %.0f ms)%n",
                            cardsNanos / 1e6, cardsCpu / 1e6, (System.nanoTime() - started) / 1e6,
                            (uiThreadsCpu() - startedCpu) / 1e6);
                }
                for (int round = 1; round <= rounds; round++) {
                    onFx(() -> workspace.open(small).ifPresent(why -> refused.set(why)));
                    Thread.sleep(300);
                    long[] open = new long[2];
                    onFx(() -> {
                        watching = true;
                        started = System.nanoTime();
                        startedCpu = uiThreadsCpu();
                        workspace.open(large).ifPresent(why -> refused.set(why));
                        open[0] = System.nanoTime() - started;
                        open[1] = uiThreadsCpu() - startedCpu;
                    });
                    if (refused.get() != null) {
                        // A refused opening took a millisecond; timing it would print a figure of nothing.
                        System.out.println("not opened, so not timed: " + refused.get());
                        return;
                    }
                    untilFirstFrameAndCurves();
                    System.out.printf("opened again (%d): open() %.0f ms (CPU %.0f ms), first frame %.0f ms (CPU %.0f ms),"
                            + " curves %.0f ms (CPU %.0f ms); began %.3f s after the JVM started%n", round, open[0] / 1e6,
                            open[1] / 1e6, cardsNanos / 1e6, cardsCpu / 1e6, (System.nanoTime() - started) / 1e6,
                            (uiThreadsCpu() - startedCpu) / 1e6, (System.currentTimeMillis()
                                    - ManagementFactory.getRuntimeMXBean().getStartTime() - (System.nanoTime() - started)
                                    / 1e6) / 1e3);
                    Thread.sleep(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Platform.runLater(() -> {
                    window.dispose();
                    workspace.close();
                    Platform.exit();
                });
            }
        }

        private void untilFirstFrameAndCurves() throws InterruptedException {
            until(() -> !watching);
            until(() -> window.trainingPanel() != null && window.trainingPanel().trainLossPointCount() > 0);
        }

        private static void until(BooleanSupplier condition) throws InterruptedException {
            long end = System.nanoTime() + 180_000_000_000L;
            while (System.nanoTime() < end) {
                boolean[] met = new boolean[1];
                onFx(() -> met[0] = condition.getAsBoolean());
                if (met[0]) {
                    return;
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException("not reached within 180 s");
        }

        private static void onFx(Runnable r) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    r.run();
                } finally {
                    done.countDown();
                }
            });
            done.await();
        }
    }
}
