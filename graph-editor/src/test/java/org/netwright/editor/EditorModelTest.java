package org.netwright.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.model.command.CommandStack;
import org.netwright.model.command.Connect;
import org.netwright.model.command.SetParam;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.Shape;

class EditorModelTest {
    private final EditorModel model = new EditorModel(new CommandStack(Graph.empty()));

    private String add(String type) {
        return model.addLayer(type, 10, 20).orElseThrow();
    }

    @Test
    void addLayerUsesAFreshIdCatalogDefaultsAndSelectsIt() {
        String first = add("dense");
        String second = add("dense");

        assertEquals("dense_1", first);
        assertEquals("dense_2", second);
        assertEquals(64, model.graph().require(first).params().get("units"));
        assertEquals(10, model.graph().require(first).x());
        assertEquals(second, model.selectedNodeProperty().get());
        assertTrue(model.canUndoProperty().get());
    }

    @Test
    void unknownLayerTypeIsRefusedWithAMessage() {
        assertTrue(model.addLayer("warp_drive", 0, 0).isEmpty());
        assertTrue(model.messageProperty().get().contains("warp_drive"));
        assertTrue(model.graph().isEmpty());
    }

    @Test
    void connectUpdatesGraphAndShapes() {
        String in = add("vector_input");
        String dense = add("dense");

        assertTrue(model.execute(new Connect(Edge.of(in, "out", dense, "in"))));

        assertEquals(1, model.graph().edges().size());
        assertEquals(Shape.of(64), model.shapes().report(dense).outputs().get("out"));
        assertEquals(2 * 64 + 64, model.shapes().report(dense).params());
    }

    /**
     * Building a residual block: an Add put after the second convolution is wired from it into its first input, though
     * its second input (the skip) is not wired yet; it was added unwired with "input 'in2' is not connected".
     */
    @Test
    void anAddAfterTheSelectedCardIsWiredFromItWhileItsOtherInputIsStillFree() {
        String in = add("image_input");
        String conv1 = model.addLayerAfter("conv2d", in, 200, 20).orElseThrow();
        String conv2 = model.addLayerAfter("conv2d", conv1, 400, 20).orElseThrow();
        String sum = model.addLayerAfter("add", conv2, 600, 20).orElseThrow();

        assertEquals(List.of(Edge.of(in, "out", conv1, "in"), Edge.of(conv1, "out", conv2, "in"),
                Edge.of(conv2, "out", sum, "in1")), model.graph().edges());
        assertEquals("", model.messageProperty().get() == null ? "" : model.messageProperty().get());
        // The skip wire into the free input is offered too, and makes the block whole.
        Edge skip = Edge.of(conv1, "out", sum, "in2");
        assertTrue(EditorModel.whyNotWire(model.graph(), model.shapes(), skip).isEmpty());
        assertTrue(model.execute(new Connect(skip)));
        assertTrue(model.shapes().report(sum).isOk(), model.shapes().report(sum).toString());
    }

    @Test
    void aWireIntoAMergeIsStillRefusedForAShapeItCannotTake() {
        String in = add("image_input");
        String conv = model.addLayerAfter("conv2d", in, 200, 20).orElseThrow();
        String sum = model.addLayerAfter("add", conv, 400, 20).orElseThrow();
        String flat = add("flatten");
        assertTrue(model.execute(new Connect(Edge.of(in, "out", flat, "in"))));

        assertTrue(EditorModel.whyNotWire(model.graph(), model.shapes(), Edge.of(flat, "out", sum, "in2")).isPresent(),
                "a flat vector cannot be added to a 16x28x28 image");
    }

    @Test
    void cycleIsRefusedWithTheReasonAndNothingChanges() {
        String a = add("dense");
        String b = add("relu");
        model.execute(new Connect(Edge.of(a, "out", b, "in")));
        Graph before = model.graph();

        boolean done = model.execute(new Connect(Edge.of(b, "out", a, "in")));

        assertFalse(done);
        assertTrue(model.messageProperty().get().contains("cycle"), model.messageProperty().get());
        assertEquals(before, model.graph());
    }

    @Test
    void successfulEditClearsTheLastRefusal() {
        String a = add("dense");
        model.execute(SetParam.of(model.graph(), a, "units", -3));
        assertFalse(model.messageProperty().get().isEmpty());

        model.execute(SetParam.of(model.graph(), a, "units", 8));

        assertEquals("", model.messageProperty().get());
    }

    @Test
    void undoAndRedoWalkTheHistoryAndUpdateTheFlags() {
        String a = add("dense");
        model.execute(SetParam.of(model.graph(), a, "units", 8));

        model.undo();
        assertEquals(64, model.graph().require(a).params().get("units"));
        assertTrue(model.canRedoProperty().get());

        model.undo();
        assertTrue(model.graph().isEmpty());
        assertFalse(model.canUndoProperty().get());

        model.redo();
        model.redo();
        assertEquals(8, model.graph().require(a).params().get("units"));
        assertFalse(model.canRedoProperty().get());
    }

    @Test
    void deleteSelectionRemovesTheNodeWithItsEdgesAndUndoBringsBothBack() {
        String in = add("vector_input");
        String dense = add("dense");
        model.execute(new Connect(Edge.of(in, "out", dense, "in")));
        model.selectedNodeProperty().set(in);

        assertTrue(model.deleteSelection());

        assertEquals(List.of(dense), List.copyOf(model.graph().nodes().keySet()));
        assertTrue(model.graph().edges().isEmpty());
        assertNull(model.selectedNodeProperty().get(), "the deleted node is no longer selected");
        model.undo();
        assertEquals(1, model.graph().edges().size());
    }

    @Test
    void deleteSelectionOfAnEdgeDisconnectsIt() {
        String in = add("vector_input");
        String dense = add("dense");
        Edge edge = Edge.of(in, "out", dense, "in");
        model.execute(new Connect(edge));
        model.selectedEdgeProperty().set(edge);

        assertNull(model.selectedNodeProperty().get(), "selecting an edge clears the node selection");
        assertTrue(model.deleteSelection());
        assertTrue(model.graph().edges().isEmpty());
        assertEquals(2, model.graph().nodes().size());
    }

    @Test
    void deleteWithNothingSelectedDoesNothing() {
        add("dense");
        model.selectedNodeProperty().set(null);

        assertFalse(model.deleteSelection());
        assertEquals(1, model.graph().nodes().size());
    }

    @Test
    void followsChangesMadeDirectlyOnTheStack() {
        add("dense");
        model.stack().reset(Graph.empty(), "New project");

        assertTrue(model.graph().isEmpty());
        assertTrue(model.shapes().order().isEmpty());
        assertFalse(model.canUndoProperty().get());
        assertNull(model.selectedNodeProperty().get());
    }

    @Test
    void onlyAStackResetCountsAsReplacingTheGraph() {
        String dense = add("dense");
        model.undo();
        model.redo();
        assertTrue(model.execute(SetParam.of(model.graph(), dense, "units", 8)));
        assertEquals(0, model.graphReplacementsProperty().get(), "edits, undo and redo are not replacements");

        model.stack().reset(Graph.empty(), "New");
        assertEquals(1, model.graphReplacementsProperty().get());
    }

    @Test
    void shiftSelectionGrowsShrinksAndDeletesTogether() {
        String a = add("dense");
        String b = add("relu");
        String c = add("dense");
        model.selectedNodeProperty().set(a);
        model.toggleSelected(b);
        model.toggleSelected(c);
        model.toggleSelected(b);
        assertEquals(java.util.Set.of(a, c), java.util.Set.copyOf(model.selectedNodes()));
        assertEquals(c, model.selectedNodeProperty().get(), "the inspector shows the last one picked");

        assertTrue(model.deleteSelection());
        assertEquals(java.util.Set.of(b), model.graph().nodes().keySet());
        assertTrue(model.selectedNodes().isEmpty());

        model.selectedNodeProperty().set(b);
        assertEquals(java.util.Set.of(b), java.util.Set.copyOf(model.selectedNodes()), "a plain pick selects one");
    }

    @Test
    void aReadOnlyModelRefusesEdits() {
        EditorModel view = EditorModel.readOnly(Graph.empty(), org.netwright.model.shape.ShapeInference.infer(Graph.empty()));

        assertFalse(view.isEditable());
        assertTrue(view.addLayer("dense", 0, 0).isEmpty());
        assertTrue(view.graph().isEmpty());
        assertEquals("This view is read-only.", view.messageProperty().get());
    }
}
