package org.netwright.app.insight;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Inside the layers: a conv layer's filters or its feature maps for the chosen test sample, the attention map of a
 * chosen head of an attention layer (tokens on both axes), and the tokens nearest to a token in an embedding.
 */
final class LayersPanel extends VBox {
    private static final int SIDE = 420;
    private final InsightViewModel model;
    private final ComboBox<String> view = new ComboBox<>();
    private final ComboBox<InsightData.Layer> layer = new ComboBox<>();
    private final Spinner<Integer> head = new Spinner<>(0, 63, 0);
    private final ImageView picture = new ImageView();
    private final GridPane attention = new GridPane();
    private final ComboBox<InsightData.Layer> embedding = new ComboBox<>();
    private final VBox neighbourBox;
    /** Names what the layers offer: "Filters, feature maps" for a CNN, "Attention" for a transformer. */
    private final Label mapTitle = InsightView.title("");
    private final ListView<String> nearest = new ListView<>();

    LayersPanel(InsightViewModel model) {
        super(10);
        this.model = model;
        setId("layers-panel");
        setPadding(new Insets(10, 0, 0, 0));
        view.setId("layer-view-choice");
        layer.setId("layer-choice");
        // A combo box as wide as its longest choice, so no name runs under its arrow.
        for (ComboBox<?> c : List.of(view, layer, embedding)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        head.setId("head-spinner");
        head.setPrefWidth(70);
        Button show = new Button("Show");
        show.setId("show-layer-button");
        show.disableProperty().bind(model.busyProperty().or(layer.valueProperty().isNull()));
        show.setOnAction(e -> model.showMaps(view.getValue(), layer.getValue().id(), head.getValue()));
        view.valueProperty().addListener((o, was, now) -> offer());
        model.layersProperty().addListener((o, was, now) -> offer());
        Label headLabel = new Label("head");
        // The head applies to attention only.
        for (javafx.scene.Node n : List.of(headLabel, head)) {
            n.visibleProperty().bind(view.valueProperty().isEqualTo("attention"));
            n.managedProperty().bind(n.visibleProperty());
        }
        Label sampleNote = new Label("(the test sample chosen under Test part)");
        sampleNote.visibleProperty().bind(view.valueProperty().isNotEqualTo("filters"));
        HBox controls = new HBox(8, view, new Label("of"), layer, headLabel, head, show, sampleNote);
        controls.setAlignment(Pos.CENTER_LEFT);
        picture.setId("layer-picture");
        picture.setSmooth(false);
        picture.setPreserveRatio(true);
        attention.setId("attention-grid");
        model.mapsProperty().addListener((o, was, now) -> draw(now));

        embedding.setId("embedding-choice");
        TextField token = new TextField();
        token.setId("token-field");
        token.setPromptText("a word or a token id");
        Button find = new Button("Nearest Tokens");
        find.setId("neighbours-button");
        find.disableProperty().bind(model.busyProperty().or(embedding.valueProperty().isNull())
                .or(token.textProperty().isEmpty()));
        find.setOnAction(e -> model.findNeighbours(embedding.getValue().id(), token.getText().trim(), 10));
        nearest.setId("neighbours-list");
        nearest.setPrefHeight(160);
        model.neighboursProperty().addListener((o, was, now) -> nearest.getItems().setAll(now == null ? List.of()
                : now.nearest().stream().map(n -> n.name() + String.format(Locale.ROOT, "   %.3f", n.probability()))
                .toList()));
        HBox neighbourRow = new HBox(8, new Label("Embedding"), embedding, token, find);
        neighbourRow.setAlignment(Pos.CENTER_LEFT);
        neighbourBox = new VBox(10, InsightView.title("Nearest tokens by cosine similarity"), neighbourRow, nearest);
        neighbourBox.setId("neighbours-box");
        VBox mapBox = new VBox(10, mapTitle, controls, picture, attention);
        mapBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(view.getItems()));
        mapBox.managedProperty().bind(mapBox.visibleProperty());
        neighbourBox.managedProperty().bind(neighbourBox.visibleProperty());
        neighbourBox.setVisible(false);
        getChildren().addAll(mapBox, neighbourBox);
    }

    /**
     * Offers only what the network's layers have ({@link InsightViews#mapViews}): a CNN's filters and feature maps,
     * a transformer's attention; the nearest tokens only with an embedding.
     */
    private void offer() {
        List<String> views = InsightViews.mapViews(model.layersProperty().get());
        if (!views.equals(view.getItems())) {
            String was = view.getValue();
            view.getItems().setAll(views);
            view.setValue(views.contains(was) ? was : views.isEmpty() ? null : views.get(0));
        }
        List<InsightData.Layer> offering = view.getValue() == null ? List.of()
                : model.layersOffering(view.getValue());
        layer.getItems().setAll(offering);
        layer.setValue(offering.isEmpty() ? null : offering.get(0));
        List<InsightData.Layer> embeddings = model.layersOffering("neighbours");
        embedding.getItems().setAll(embeddings);
        embedding.setValue(embeddings.isEmpty() ? null : embeddings.get(0));
        neighbourBox.setVisible(InsightViews.offersNeighbours(model.layersProperty().get()));
        String named = String.join(", ", views).replace("feature-maps", "feature maps");
        mapTitle.setText(named.isEmpty() ? "" : Character.toUpperCase(named.charAt(0)) + named.substring(1));
    }

    private void draw(InsightData.Maps m) {
        attention.getChildren().clear();
        picture.setImage(null);
        if (m == null) {
            return;
        }
        int[] s = m.shape();
        MapPictures.Picture p;
        if (m.what().equals("attention")) {
            int zoom = Math.max(4, SIDE / Math.max(s[0], s[1]));
            p = MapPictures.heat(m.values(), s[0], s[1], zoom);
            picture.setImage(image(p));
            picture.setFitWidth(0);
            // Keys along the top, queries down the side: row i says where query step i looks.
            for (int j = 0; j < m.tokens().size(); j++) {
                Label k = new Label(m.tokens().get(j));
                k.setMinWidth(zoom);
                k.setMaxWidth(zoom);
                k.setStyle("-fx-font-size: 9");
                attention.add(k, j + 1, 0);
            }
            for (int i = 0; i < m.tokens().size(); i++) {
                Label q = new Label(m.tokens().get(i));
                q.setMinHeight(zoom);
                q.setMaxHeight(zoom);
                q.setStyle("-fx-font-size: 9");
                attention.add(q, 0, i + 1);
            }
            ImageView cells = new ImageView(picture.getImage());
            cells.setId("attention-map");
            picture.setImage(null);
            attention.add(cells, 1, 1, m.tokens().size(), m.tokens().size());
            return;
        }
        float[] values = m.values();
        int count;
        int h;
        int w;
        if (m.what().equals("filters")) {
            values = MapPictures.channelMeans(values, s);
            count = s[0];
            h = s.length == 4 ? s[2] : 1;
            w = s.length == 4 ? s[3] : s[2];
        } else if (s.length == 3) {
            count = s[0];
            h = s[1];
            w = s[2];
        } else {
            count = 1;
            h = s.length >= 2 ? s[s.length - 2] : 1;
            w = s[s.length - 1];
        }
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(count * 1.5)));
        int zoom = Math.max(1, Math.min(12, SIDE / Math.max(1, cols * Math.max(h, w))));
        p = MapPictures.tiles(values, count, h, w, zoom, cols, Double.NaN, Double.NaN);
        picture.setImage(image(p));
    }

    static WritableImage image(MapPictures.Picture p) {
        WritableImage image = new WritableImage(p.width(), p.height());
        image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
        return image;
    }
}
