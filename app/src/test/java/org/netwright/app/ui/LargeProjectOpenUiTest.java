package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project of 1,000 layers whose last run holds a million metric points opens in the app's window: the window shows
 * the graph at once, and the run's curves arrive from a background read. Prints how long each part took, for
 * information (not asserted: the machine may be loaded).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LargeProjectOpenUiTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static long points;
    private Workspace workspace;
    private MainWindow window;
    private long openNanos;
    private long shownNanos;
    private long started;
    private long startedCpu;
    private long startedUiCpu;
    private long openCpu;
    private long builtNanos;
    private long builtCpu;
    private long shownCpu;

    /** CPU time used so far by the JavaFX application thread and the renderer. */
    private static long uiThreadsCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("JavaFX Application") || t.getName().startsWith("QuantumRenderer")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** CPU time of this thread (the FX thread in {@code @Start}): unlike the clock, not stretched by a loaded machine. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @BeforeAll
    static void write() {
        file = dir.resolve("large.nwproj");
        long t0 = System.nanoTime();
        points = LargeProject.write(file, 1000, 250_000);
        System.out.printf("large project: wrote 1,000 nodes and %,d metric points in %.1f s%n", points,
                (System.nanoTime() - t0) / 1e9);
    }

    @Start
    void start(Stage stage) {
        started = System.nanoTime();
        startedCpu = cpu();
        startedUiCpu = uiThreadsCpu();
        workspace = new Workspace(RecentProjects.inHome(dir));
        workspace.open(file).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        openNanos = System.nanoTime() - started;
        openCpu = cpu() - startedCpu;
        window = new MainWindow(stage, workspace, (p, s, e) -> {
            throw new AssertionError("no training in this test");
        }, dir);
        builtNanos = System.nanoTime() - started;
        builtCpu = cpu() - startedCpu;
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
        shownNanos = System.nanoTime() - started;
        shownCpu = cpu() - startedCpu;
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
        WaitForAsyncUtils.waitForFxEvents();
        long firstPulse = System.nanoTime() - started;
        long firstPulseCpu = uiThreadsCpu() - startedUiCpu;
        AppWindowFixture.waitUntil("the last run's curves", 60, () -> window.trainingPanel().trainLossPointCount() > 0);
        long curves = System.nanoTime() - started;
        System.out.printf("large project (1,000 nodes, %,d points), clock (FX thread CPU): project opened %.0f (%.0f) ms,"
                + " window built %.0f (%.0f) ms, shown %.0f (%.0f) ms; first frame done %.0f (FX and render threads' CPU %.0f) ms, curves drawn %.0f ms"
                + " (%d points on the chart)%n", points, openNanos / 1e6, openCpu / 1e6, builtNanos / 1e6, builtCpu / 1e6,
                shownNanos / 1e6, shownCpu / 1e6, firstPulse / 1e6, firstPulseCpu / 1e6, curves / 1e6,
                window.trainingPanel().trainLossPointCount());
        assertEquals(1000, workspace.session().editor().graph().nodes().size());
        assertTrue(robot.lookup("#graph-canvas").tryQuery().isPresent());
    }
}
