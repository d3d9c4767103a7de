package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.MainWindow;
import org.netwright.app.bench.LargeProject;
import org.netwright.app.project.RecentProjects;
import org.netwright.app.project.Workspace;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.model.store.ProjectStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project of 1,000 layers whose last run holds a million metric points opens in the app's window: the window shows
 * the graph at once, and the run's curves arrive from a background read. It is opened twice: first in a fresh window
 * (the JVM's first project: classes load, code is not compiled yet), then again from another project, as File > Open
 * does in a running app. Prints how long each part took on the clock and in CPU time of the JavaFX application and
 * render threads, for information (not asserted: the machine may be loaded).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LargeProjectOpenUiTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static Path small;
    private static long points;
    private Workspace workspace;
    private MainWindow window;
    private Stage stage;
    private long started;
    private long startedUiCpu;
    private long openNanos;
    private long builtNanos;
    private long shownNanos;
    /** Clock and CPU when the canvas first laid out the opened graph's cards, or 0 before. */
    private long cardsNanos;
    private long cardsCpu;
    private int cardsAtFirst;

    /** CPU time used so far by the JavaFX application thread and the renderer. */
    private static long uiThreadsCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("JavaFX Application") || t.getName().startsWith("QuantumRenderer")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    @BeforeAll
    static void write() {
        file = dir.resolve("large.nwproj");
        long t0 = System.nanoTime();
        points = LargeProject.write(file, 1000, 1_000_000);
        System.out.printf("large project: wrote 1,000 nodes and %,d metric points in %.1f s%n", points,
                (System.nanoTime() - t0) / 1e9);
        small = dir.resolve("small.nwproj");
        try (ProjectStore store = ProjectStore.create(small)) {
            store.saveGraph(LargeProject.chain(5), "a small project to open in between");
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        started = System.nanoTime();
        startedUiCpu = uiThreadsCpu();
        workspace = new Workspace(RecentProjects.inHome(dir));
        workspace.open(file).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        openNanos = System.nanoTime() - started;
        window = new MainWindow(stage, workspace, (p, s, e) -> {
            throw new AssertionError("no training in this test");
        }, dir);
        builtNanos = System.nanoTime() - started;
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1600);
        stage.setHeight(1000);
        watchForCards(stage.getScene());
        stage.show();
        shownNanos = System.nanoTime() - started;
    }

    /** Notes the first layout pass after which the canvas holds cards of the project opened since {@link #started}. */
    private void watchForCards(Scene scene) {
        scene.addPostLayoutPulseListener(() -> {
            if (cardsNanos != 0 || workspace.session() == null
                    || workspace.session().editor().graph().nodes().size() != 1000) {
                return;
            }
            javafx.scene.Node canvas = scene.lookup("#graph-canvas");
            if (canvas instanceof GraphCanvas c && c.shownCardCount() > 0) {
                cardsNanos = System.nanoTime() - started;
                cardsCpu = uiThreadsCpu() - startedUiCpu;
                cardsAtFirst = c.shownCardCount();
            }
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            workspace.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensAtOnceAndTheCurvesFollow(FxRobot robot) {
        AppWindowFixture.waitUntil("the large project's cards", 60, () -> cardsNanos != 0);
        AppWindowFixture.waitUntil("the last run's curves", 60, () -> window.trainingPanel().trainLossPointCount() > 0);
        long curves = System.nanoTime() - started;
        long curvesCpu = uiThreadsCpu() - startedUiCpu;
        System.out.printf("large project (1,000 nodes, %,d points), first in a fresh window: project opened %.0f ms,"
                + " window built %.0f ms, shown %.0f ms; first frame with cards laid out %.0f ms (%d cards; FX and"
                + " render threads' CPU %.0f ms), curves drawn %.0f ms (CPU %.0f ms, %d points in the curve, %d drawn)%n",
                points, openNanos / 1e6, builtNanos / 1e6, shownNanos / 1e6, cardsNanos / 1e6, cardsAtFirst,
                cardsCpu / 1e6, curves / 1e6, curvesCpu / 1e6, window.trainingPanel().trainLossPointCount(),
                window.trainingPanel().model().trainLossCurve().shown().getItemCount());
        assertEquals(1000, workspace.session().editor().graph().nodes().size());
        assertTrue(robot.lookup("#graph-canvas").tryQuery().isPresent());

        // Again, as File > Open does in a running app: from another project to the large one.
        robot.interact(() -> workspace.open(small));
        WaitForAsyncUtils.waitForFxEvents();
        for (int round = 1; round <= 2; round++) {
            robot.interact(() -> workspace.open(small));
            WaitForAsyncUtils.waitForFxEvents();
            cardsNanos = 0;
            long[] openedAt = new long[1];
            robot.interact(() -> {
                started = System.nanoTime();
                startedUiCpu = uiThreadsCpu();
                workspace.open(file);
                openedAt[0] = System.nanoTime() - started;
            });
            AppWindowFixture.waitUntil("the large project's cards", 60, () -> cardsNanos != 0);
            AppWindowFixture.waitUntil("the last run's curves", 60,
                    () -> window.trainingPanel() != null && window.trainingPanel().trainLossPointCount() > 0);
            long again = System.nanoTime() - started;
            long againCpu = uiThreadsCpu() - startedUiCpu;
            System.out.printf("large project opened again (%d): open() %.0f ms, first frame with cards laid out %.0f ms"
                    + " (%d cards; FX and render threads' CPU %.0f ms), curves drawn %.0f ms (CPU %.0f ms)%n", round,
                    openedAt[0] / 1e6, cardsNanos / 1e6, cardsAtFirst, cardsCpu / 1e6, again / 1e6, againCpu / 1e6);
        }
        assertEquals(1000, workspace.session().editor().graph().nodes().size());
    }
}
