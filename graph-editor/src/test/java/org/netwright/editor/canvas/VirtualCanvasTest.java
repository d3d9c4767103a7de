package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.MoveNodes;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A 500-node graph: only the cards in or near the view are created (counted, not timed, so the test holds on a
 * loaded machine); scrolling creates the cards that come into view; a selection that reaches off screen moves whole.
 * It prints the times to first show, per move and per drag step, for information.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class VirtualCanvasTest {
    private static final int COLUMNS = 25;
    private EditorModel model;
    private long showNanos;

    @Start
    void start(Stage stage) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        String last = "input";
        for (int i = 1; i < 500; i++) {
            String id = (i % 2 == 1 ? "dense_" : "relu_") + i;
            nodes.add(new Node(id, i % 2 == 1 ? "dense" : "relu", i % 2 == 1 ? Map.of("units", 8) : Map.of(),
                    (i % COLUMNS) * 260, (i / COLUMNS) * 160));
            edges.add(Edge.of(last, "out", id, "in"));
            last = id;
        }
        long t0 = System.nanoTime();
        model = EditorFixture.show(stage, Graph.of(nodes, edges), 1200, 760);
        WaitForAsyncUtils.waitForFxEvents();
        showNanos = System.nanoTime() - t0;
    }

    @Test
    void onlyCardsNearTheViewAreCreatedAndScrollingBringsTheRest(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        int atFit = canvas.nodeViews().size();
        System.out.printf("500-node canvas: first show %.0f ms, %d cards at Fit (zoom %.0f %%)%n", showNanos / 1e6,
                atFit, canvas.zoomProperty().get() * 100);
        assertTrue(atFit < 500, "every card was drawn at Fit: " + atFit);

        robot.interact(() -> {
            canvas.setZoom(1);
            canvas.reveal("input");
        });
        WaitForAsyncUtils.waitForFxEvents();
        int shown = canvas.nodeViews().size();
        assertTrue(shown > 0 && shown <= 80, "cards in the scene at 100 %: " + shown);
        assertNotNull(canvas.nodeView("input"));
        assertNull(canvas.nodeView("relu_498"), "a card far off screen was drawn");

        int created = canvas.cardsCreated();
        robot.interact(() -> canvas.reveal("relu_498"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(canvas.nodeView("relu_498"), "scrolling to a card did not draw it");
        assertNull(canvas.nodeView("input"));
        int more = canvas.cardsCreated() - created;
        assertTrue(more > 0 && more <= 80, "scrolling created " + more + " cards");

        // A drag step re-routes the drawn edges only; a move is one command plus an incremental redraw.
        long[] steps = new long[7];
        for (int i = 0; i < steps.length; i++) {
            int k = i;
            robot.interact(() -> {
                long t0 = System.nanoTime();
                canvas.layoutEdges();
                steps[k] = System.nanoTime() - t0;
            });
        }
        java.util.Arrays.sort(steps);
        long drag = steps[steps.length / 2];
        long[] ns = new long[1];
        robot.interact(() -> {
            long t1 = System.nanoTime();
            model.execute(new MoveNodes(List.of("relu_498"), 30, 20));
            ns[0] = System.nanoTime() - t1;
        });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf("500-node canvas at 100 %%: %d cards drawn, move + redraw %.1f ms, drag step %.2f ms (median of 7)%n",
                canvas.nodeViews().size(), ns[0] / 1e6, drag / 1e6);
        assertEquals(30 + (498 % COLUMNS) * 260, model.graph().require("relu_498").x());

        // A selection reaching off screen moves whole with one command.
        robot.interact(() -> model.select(List.of("input", "relu_498")));
        robot.drag(robot.lookup("#node-relu_498").queryAs(javafx.scene.Node.class)).moveBy(40, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.graph().require("input").x() > 0, "the off-screen selected card did not move");
    }

    /**
     * Zoomed out, cards are drawn brief (frame and title at 9 px or more on screen); zooming back in draws full cards.
     * Prints how long a Fit from 100 % takes until its cards are shown (layout and CSS included), for information.
     */
    @Test
    void fitDrawsBriefCardsWithReadableTitles(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        robot.interact(() -> {
            canvas.setZoom(1);
            canvas.reveal("input");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(canvas.nodeViews().stream().noneMatch(NodeView::isBrief), "brief cards at 100 %");
        long[] fit = new long[3];
        long[] fitCpu = new long[3];
        for (int round = 0; round < fit.length; round++) {
            robot.interact(() -> {
                canvas.setZoom(1);
                canvas.reveal("input");
            });
            WaitForAsyncUtils.waitForFxEvents();
            long cpu0 = uiThreadsCpu();
            long t0 = System.nanoTime();
            robot.interact(canvas::fitToView);
            WaitForAsyncUtils.waitForFxEvents();
            fit[round] = System.nanoTime() - t0;
            fitCpu[round] = uiThreadsCpu() - cpu0;
        }
        // What waiting for the FX thread costs by itself, to read the figures above against.
        long t0 = System.nanoTime();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        long idle = System.nanoTime() - t0;
        int drawn = canvas.nodeViews().size();
        System.out.printf("500-node canvas: Fit from 100 %% until shown %.0f / %.0f / %.0f ms (waiting alone %.0f ms),"
                + " CPU of the FX and render threads %.0f / %.0f / %.0f ms, %d brief cards at %.0f %%%n", fit[0] / 1e6,
                fit[1] / 1e6, fit[2] / 1e6, idle / 1e6, fitCpu[0] / 1e6, fitCpu[1] / 1e6, fitCpu[2] / 1e6, drawn,
                canvas.zoomProperty().get() * 100);
        assertTrue(drawn > 100, "Fit drew only " + drawn + " cards");
        assertTrue(canvas.nodeViews().stream().allMatch(NodeView::isBrief), "full cards drawn at Fit");
        // JavaFX caches styles by id among other things: brief cards carry none, so they share one style.
        assertTrue(canvas.nodeViews().stream().allMatch(v -> v.card().getId() == null), "a brief card with an id");
        for (NodeView v : canvas.nodeViews()) {
            double px = canvas.titleSizeOnScreen(v.node().id()).orElseThrow();
            assertTrue(px >= NodeView.TITLE_MIN_SCREEN_PX - 1e-6, v.node().id() + "'s title is " + px + " px");
        }
        robot.interact(() -> canvas.setZoom(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(canvas.nodeViews().stream().noneMatch(NodeView::isBrief), "brief cards after zooming in");
    }

    /**
     * CPU time used so far by the JavaFX application thread and the renderer: a figure that, unlike the time on the
     * clock, does not grow when other programs load the machine.
     */
    static long uiThreadsCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("JavaFX Application") || t.getName().startsWith("QuantumRenderer")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    @Test
    void theMinimapShowsTheWholeGraphAndAPressMovesTheView(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        robot.interact(() -> {
            canvas.setZoom(1);
            canvas.reveal("input");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Minimap map = canvas.minimap();
        assertTrue(map.isVisible(), "no minimap over a graph larger than the view");
        javafx.geometry.Bounds before = map.frameOnMap();
        assertNotNull(before);
        assertNull(canvas.nodeView("relu_498"));

        // relu_498 sits at the bottom right of the graph: pressing its place on the map scrolls the canvas to it.
        javafx.geometry.Point2D target = new javafx.geometry.Point2D((498 % COLUMNS) * 260 + 90, (498 / COLUMNS) * 160 + 40);
        javafx.geometry.Bounds mapBounds = map.localToScreen(map.getLayoutBounds());
        javafx.geometry.Point2D onMap = mapPoint(map, target);
        robot.moveTo(new javafx.geometry.Point2D(mapBounds.getMinX() + onMap.getX(), mapBounds.getMinY() + onMap.getY()));
        robot.press(javafx.scene.input.MouseButton.PRIMARY).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(canvas.nodeView("relu_498"), "pressing the map did not bring the card into view");
        assertTrue(map.frameOnMap().getMinX() > before.getMinX(), "the frame did not follow the view");
        assertEquals(null, model.selectedNodeProperty().get(), "a press on the map reached the canvas");
    }

    /** Where a content point lies on the minimap, by inverting its own mapping. */
    private static javafx.geometry.Point2D mapPoint(Minimap map, javafx.geometry.Point2D content) {
        javafx.geometry.Point2D origin = map.toContent(0, 0);
        javafx.geometry.Point2D unit = map.toContent(1, 1);
        double perPixel = unit.getX() - origin.getX();
        return new javafx.geometry.Point2D((content.getX() - origin.getX()) / perPixel,
                (content.getY() - origin.getY()) / perPixel);
    }
}
