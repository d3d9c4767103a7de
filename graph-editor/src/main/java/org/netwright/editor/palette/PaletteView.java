package org.netwright.editor.palette;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.netwright.editor.EditorModel;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.FreePlace;
import org.netwright.editor.NodePorts;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerFamily;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Node;

/**
 * The layer catalog grouped by family, with a search box; entries are dragged onto the canvas or double-clicked, and
 * Enter in the search box adds the first layer it shows.
 */
public final class PaletteView extends VBox {
    private final EditorModel model;
    private final Supplier<Point2D> placement;
    private final TextField search = new TextField();
    private final List<TitledPane> groups = new ArrayList<>();
    private final List<PaletteEntry> entries = new ArrayList<>();
    private final Label nothing = new Label("No layer matches.");

    /**
     * @param placement where a double-clicked layer goes (its card's top-left), typically
     *                  {@code canvas::visibleCenter}
     */
    public PaletteView(EditorModel model, Supplier<Point2D> placement) {
        this.model = model;
        this.placement = placement;
        setId("palette");
        getStyleClass().add("palette");
        EditorStyles.apply(this);
        // Wide enough for the longest family title, "Attention & Transformers".
        setMinWidth(200);
        setPrefWidth(250);

        Label title = new Label("Layers");
        title.getStyleClass().add("panel-title");
        search.setId("palette-search");
        search.setPromptText("Search layers…");
        search.textProperty().addListener((o, was, now) -> filter(now));
        // Enter adds the first layer the search shows, so a layer can be found and added without the mouse (typing
        // "dense" and pressing Enter did nothing).
        search.setOnAction(e -> entries.stream().filter(javafx.scene.Node::isManaged).findFirst()
                .filter(first -> !search.getText().isBlank())
                .ifPresent(first -> addNearCenter(first.spec().id())));

        VBox list = new VBox();
        list.getStyleClass().add("palette-groups");
        for (LayerFamily family : LayerFamily.values()) {
            VBox items = new VBox();
            items.getStyleClass().add("palette-items");
            for (LayerSpec spec : LayerCatalog.standard().family(family)) {
                if (NodePorts.madeByGrouping(spec.id())) {
                    continue;
                }
                PaletteEntry entry = new PaletteEntry(spec, () -> addNearCenter(spec.id()));
                entries.add(entry);
                items.getChildren().add(entry);
            }
            if (items.getChildren().isEmpty()) {
                continue;
            }
            TitledPane group = new TitledPane(family.title(), items);
            group.setId("palette-group-" + family.name().toLowerCase(Locale.ROOT));
            group.getStyleClass().add("palette-group");
            groups.add(group);
            list.getChildren().add(group);
        }
        nothing.getStyleClass().add("palette-empty");
        nothing.setVisible(false);
        nothing.setManaged(false);
        list.getChildren().add(nothing);

        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("palette-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, search, scroll);
    }

    public TextField searchField() {
        return search;
    }

    private void filter(String query) {
        java.util.Set<String> found = PaletteFilter.hits(entries.stream().map(PaletteEntry::spec).toList(), query);
        for (PaletteEntry entry : entries) {
            boolean show = found.contains(entry.spec().id());
            entry.setVisible(show);
            entry.setManaged(show);
        }
        boolean any = false;
        for (TitledPane group : groups) {
            boolean show = ((VBox) group.getContent()).getChildren().stream().anyMatch(javafx.scene.Node::isManaged);
            group.setVisible(show);
            group.setManaged(show);
            // While searching, open every group that has a match so the hits are visible.
            if (show && !query.isBlank()) {
                group.setExpanded(true);
            }
            any |= show;
        }
        nothing.setVisible(!any);
        nothing.setManaged(!any);
    }

    /**
     * Adds a double-clicked layer where it covers no card: right of the selected card, as the next layer of a chain
     * usually goes, and wired from it when it can take its output; or else in the middle of the view; the nearest
     * free place to that ({@link FreePlace}).
     */
    private void addNearCenter(String layerId) {
        Point2D p = placement.get();
        double x = p.getX();
        double y = p.getY();
        CardShapes cards = CardShapes.standard();
        // Only with exactly one card selected is it clear which layer the new one follows.
        Node selected = model.selectedNodes().size() != 1 ? null
                : model.graph().node(model.selectedNodes().iterator().next()).orElse(null);
        if (selected != null) {
            x = selected.x() + cards.apply(selected).width() + FreePlace.GAP_BETWEEN;
            y = selected.y();
        }
        Node card = new Node("new", layerId, LayerCatalog.standard().find(layerId).orElseThrow().defaults(), x, y);
        double[] at = FreePlace.near(model.graph(), java.util.Map.of(), x, y, cards.apply(card), cards);
        if (selected != null) {
            model.addLayerAfter(layerId, selected.id(), at[0], at[1]);
        } else {
            model.addLayer(layerId, at[0], at[1]);
        }
    }
}
