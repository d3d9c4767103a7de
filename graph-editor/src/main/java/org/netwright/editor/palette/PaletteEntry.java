package org.netwright.editor.palette;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.LayerTransfer;
import org.netwright.model.catalog.LayerSpec;

/** One layer type in the palette: its name with a family-coloured dot; drag it out or double-click it. */
final class PaletteEntry extends HBox {
    private final LayerSpec spec;
    private Tooltip help;

    PaletteEntry(LayerSpec spec, Runnable onDoubleClick) {
        super(8);
        this.spec = spec;
        setId("palette-" + spec.id());
        getStyleClass().add("palette-entry");
        Region dot = new Region();
        dot.getStyleClass().addAll("palette-dot", EditorStyles.familyClass(spec.family()));
        Label name = new Label(spec.name());
        name.getStyleClass().add("palette-name");
        // Long names ("Scaled dot-product attention") take two lines rather than an ellipsis.
        name.setWrapText(true);
        getChildren().addAll(dot, name);

        // The explanation is made when the pointer first comes over the entry: the palette is built again with
        // every project opened, and a tooltip each (a popup window with its own scene) was about 7 % of the FX
        // thread's samples in opening a large project.
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> help());

        setOnDragDetected(e -> {
            // The explanation would float over the canvas for the whole drag otherwise.
            if (help != null) {
                help.hide();
            }
            Dragboard board = startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putString(LayerTransfer.encode(spec.id()));
            board.setContent(content);
            board.setDragView(snapshot(null, null), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            // Quick double-clicks in a row count on (3, 4, ...): every second click adds one more.
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() % 2 == 0) {
                onDoubleClick.run();
                e.consume();
            }
        });
    }

    /** The entry's tooltip (the layer's name and what it does), installed on first use. */
    Tooltip help() {
        if (help == null) {
            help = new Tooltip(spec.name() + "\n\n" + spec.explanation() + "\n\nDrag onto the canvas, or double-click to add.");
            help.setWrapText(true);
            help.setMaxWidth(340);
            help.setShowDelay(Duration.millis(400));
            Tooltip.install(this, help);
        }
        return help;
    }

    LayerSpec spec() {
        return spec;
    }
}
