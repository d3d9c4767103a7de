package org.netwright.editor.canvas;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.netwright.editor.EditorModel;

/**
 * The line across the top of the canvas that says what stops the user: the graph is locked (a run trains it), or
 * the last gesture was refused and why (a cycle, a taken input). A refusal disappears with the user's next action.
 */
final class CanvasBanner extends Label {
    CanvasBanner(EditorModel model) {
        setId("canvas-banner");
        getStyleClass().add("canvas-banner");
        setWrapText(true);
        setMaxWidth(520);
        setMaxHeight(Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        textProperty().bind(Bindings.createStringBinding(
                () -> !model.messageProperty().get().isEmpty() ? model.messageProperty().get() : model.lockProperty().get(),
                model.messageProperty(), model.lockProperty()));
        visibleProperty().bind(textProperty().isNotEmpty());
        model.lockProperty().addListener((o, was, now) -> style(model));
        model.messageProperty().addListener((o, was, now) -> style(model));
        style(model);
    }

    /** Red for a refusal, amber for the lock. */
    private void style(EditorModel model) {
        getStyleClass().removeAll("canvas-banner-refused", "canvas-banner-locked");
        boolean refused = !model.messageProperty().get().isEmpty()
                && !model.messageProperty().get().equals(model.lockProperty().get());
        getStyleClass().add(refused ? "canvas-banner-refused" : "canvas-banner-locked");
    }
}
