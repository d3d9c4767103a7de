package org.netwright.app.insight;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.netwright.app.charts.ChartExport;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A trained run seen from inside, in tabs. Test part: the confusion matrix (rows true classes, columns predicted
 * ones, cells shaded by their share of the row) with each class's precision, recall and count, or for a regression
 * predicted against true values and the residuals; and the saliency map of a chosen test sample over its image with
 * an opacity slider. Predict a file: the top classes of a file the user picks, with their probabilities, and the
 * saliency of that file.
 */
public final class InsightView extends BorderPane {
    private static final int MAP_SIDE = 256;
    private static final List<String> METHODS = List.of("saliency", "smoothgrad", "integrated-gradients", "gradcam");
    private final InsightViewModel model;
    private final GridPane confusion = new GridPane();
    private final GridPane perClass = new GridPane();
    private final ImageView map = new ImageView();
    private final Spinner<Integer> sample = new Spinner<>();
    private final Label caption = new Label();
    private final VBox regression = new VBox(8);
    private final GridPane topClasses = new GridPane();
    private final ImageView predictionMap = new ImageView();
    private final Label predictionCaption = new Label();
    private final Label cellCaption = new Label();
    private final javafx.scene.layout.FlowPane cellSamples = new javafx.scene.layout.FlowPane(6, 6);
    private Function<Window, Path> fileChooser = InsightView::chooseFile;
    /** The style class of the cell sample last clicked (and explained). */
    static final String CHOSEN = "chosen-sample";
    /** The test sample last clicked among a cell's samples; -1: none. */
    private int chosenSample = -1;

    public InsightView(InsightViewModel model) {
        this.model = model;
        setId("insight-view");
        setPadding(new Insets(12));

        Label status = new Label();
        status.setId("insight-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        confusion.setId("confusion-grid");
        confusion.setHgap(2);
        confusion.setVgap(2);
        perClass.setId("per-class");
        perClass.setHgap(12);
        perClass.setVgap(3);
        Label confusionTitle = title("Confusion matrix (rows: true class, columns: predicted)");
        regression.setId("regression-charts");
        Label figures = new Label();
        figures.setId("evaluation-summary");
        // The column's width, not a narrower cap: "Run 1, 240 test samples: loss …, accuracy …" fits one line.
        figures.setWrapText(true);
        figures.textProperty().bind(model.evaluationSummaryProperty());
        cellCaption.setId("cell-caption");
        cellCaption.setWrapText(true);
        cellCaption.setText("Click a cell of the matrix to see its test samples.");
        cellSamples.setId("cell-samples");
        cellSamples.setPrefWrapLength(420);
        VBox left = new VBox(8, figures, confusionTitle, confusion, title("Per class"), perClass, regression,
                title("Samples of the chosen cell"), cellCaption, cellSamples);
        left.setMinWidth(300);
        left.setPrefWidth(440);
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(320);
        leftScroll.setPrefWidth(470);
        leftScroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0");

        sample.setId("sample-spinner");
        sample.setEditable(true);
        sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0));
        sample.valueProperty().addListener((o, was, now) -> model.sampleProperty().set(now == null ? 0 : now));
        ChoiceBox<String> method = new ChoiceBox<>();
        method.setId("method-choice");
        method.getItems().setAll(METHODS);
        method.setValue(model.methodProperty().get());
        method.valueProperty().addListener((o, was, now) -> model.methodProperty().set(now));
        Button explain = new Button("Explain");
        explain.setId("explain-button");
        explain.disableProperty().bind(model.busyProperty());
        explain.setOnAction(e -> model.explain());
        Slider opacity = new Slider(0, 1, model.opacityProperty().get());
        opacity.setId("opacity-slider");
        opacity.valueProperty().bindBidirectional(model.opacityProperty());
        sample.setPrefWidth(90);
        explain.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label sampleLabel = new Label("Test sample");
        sampleLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, sampleLabel, sample, method, explain);
        controls.setAlignment(Pos.CENTER_LEFT);
        opacity.setPrefWidth(200);
        HBox opacityRow = new HBox(8, new Label("Opacity"), opacity);
        opacityRow.setAlignment(Pos.CENTER_LEFT);
        map.setId("saliency-view");
        map.setSmooth(false);
        caption.setId("saliency-caption");
        VBox right = new VBox(8, title("Saliency"), controls, opacityRow, map, caption);
        right.setPadding(new Insets(0, 0, 0, 20));
        HBox testPart = new HBox(leftScroll, right);
        testPart.setPadding(new Insets(10, 0, 0, 0));

        java.util.Map<InsightViews.View, Tab> all = new java.util.EnumMap<>(InsightViews.View.class);
        all.put(InsightViews.View.TEST_PART, tab(InsightViews.View.TEST_PART, testPart));
        all.put(InsightViews.View.PREDICT, tab(InsightViews.View.PREDICT, predictPanel()));
        // Scrolls: the attention map's 16 rows of labels and the nearest tokens below it are taller than a window of
        // 680 px, and without it the Nearest Tokens button lay out of reach under the window's edge.
        all.put(InsightViews.View.LAYERS, tab(InsightViews.View.LAYERS, scrolling(new LayersPanel(model))));
        all.put(InsightViews.View.GRADIENTS, tab(InsightViews.View.GRADIENTS, new GradientsPanel(model)));
        all.put(InsightViews.View.ACTIVATIONS, tab(InsightViews.View.ACTIVATIONS, new ActivationsPanel(model)));
        all.put(InsightViews.View.AUTOENCODER, tab(InsightViews.View.AUTOENCODER, new AutoencoderPanel(model)));
        all.put(InsightViews.View.GENERATED, tab(InsightViews.View.GENERATED, new GenerativePanel(model)));
        all.put(InsightViews.View.INTERPOLATION, tab(InsightViews.View.INTERPOLATION, new InterpolationPanel(model)));
        // Until the run has been read every view is there (a view model driven directly shows them all).
        TabPane tabs = new TabPane();
        tabs.getTabs().setAll(all.values());
        tabs.setId("insight-tabs");
        tabs.visibleProperty().bind(model.readingRunProperty().not());
        setCenter(tabs);
        Label notShown = new Label();
        notShown.setId("insight-not-shown");
        notShown.setWrapText(true);
        notShown.getStyleClass().add("hint");
        notShown.setStyle("-fx-opacity: 0.75");
        notShown.managedProperty().bind(notShown.textProperty().isNotEmpty());
        VBox top = new VBox(4, status, notShown);
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 10, 0));
        model.viewsProperty().addListener((o, was, now) -> {
            if (now == null) {
                return;
            }
            // Only the views that apply: a tab that could only say "not for this run" is left out, and the line
            // under the status names what was left out, its reasons in the tooltip.
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            tabs.getTabs().setAll(now.shown().stream().map(all::get).toList());
            tabs.getSelectionModel().select(was == null || !tabs.getTabs().contains(selected) ? all.get(now.first())
                    : selected);
            List<InsightViews.View> hidden = now.hidden().stream().filter(v -> !(v == InsightViews.View.LAYERS
                    && now.awaitsLayers())).toList();
            notShown.setText(hidden.isEmpty() ? "" : "Not for this run: " + String.join(", ", hidden.stream()
                    .map(InsightViews.View::title).toList()) + " (hover for why).");
            notShown.setTooltip(hidden.isEmpty() ? null : new javafx.scene.control.Tooltip(String.join("\n",
                    hidden.stream().map(v -> v.title() + ": " + now.whyNot(v)).toList())));
        });

        model.evaluationProperty().addListener((o, was, now) -> showEvaluation(now));
        model.cellSamplesProperty().addListener((o, was, now) -> showCell(now));
        model.saliencyProperty().addListener((o, was, now) -> drawMap());
        model.opacityProperty().addListener((o, was, now) -> drawMap());
        model.opacityProperty().addListener((o, was, now) -> drawPrediction());
        model.predictionProperty().addListener((o, was, now) -> drawPrediction());
    }

    /** {@code content} in a scroll pane as wide as the tab, drawn without a frame of its own. */
    private static javafx.scene.control.ScrollPane scrolling(javafx.scene.layout.Region content) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0");
        return scroll;
    }

    private static Tab tab(InsightViews.View view, javafx.scene.Node content) {
        Tab t = new Tab(view.title(), content);
        t.setId(view.id());
        t.setClosable(false);
        return t;
    }

    /** The prediction panel: a file chooser, the file's top classes as bars, and its saliency map. */
    private VBox predictPanel() {
        Button choose = new Button("Choose a File…");
        choose.setId("predict-file-button");
        choose.disableProperty().bind(model.busyProperty());
        choose.setOnAction(e -> {
            Path file = fileChooser.apply(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                model.predict(file);
            }
        });
        Label hint = new Label("An image, a CSV file with one row or a text, read as the run read its data; the top"
                + " class is explained with the method chosen under Test part.");
        hint.setWrapText(true);
        topClasses.setId("top-classes");
        topClasses.setHgap(10);
        topClasses.setVgap(4);
        predictionMap.setId("prediction-map");
        predictionMap.setSmooth(false);
        predictionCaption.setId("prediction-caption");
        predictionCaption.setWrapText(true);
        VBox classesBox = new VBox(8, title("Top classes"), topClasses);
        classesBox.setMinWidth(320);
        VBox mapBox = new VBox(8, title("Saliency of the file"), predictionMap, predictionCaption);
        HBox answer = new HBox(24, classesBox, mapBox);
        VBox panel = new VBox(10, new HBox(8, choose, hint), answer);
        panel.setPadding(new Insets(10, 0, 0, 0));
        return panel;
    }

    private static Path chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Predict a File");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images, tables, texts", "*.png", "*.jpg",
                "*.jpeg", "*.bmp", "*.gif", "*.csv", "*.tsv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Replaces the file chooser (tests). */
    void setFileChooser(Function<Window, Path> chooser) {
        this.fileChooser = chooser;
    }

    private void drawPrediction() {
        InsightData.Prediction p = model.predictionProperty().get();
        topClasses.getChildren().clear();
        if (p == null) {
            predictionMap.setImage(null);
            predictionCaption.setText("");
            return;
        }
        if (p.hasClasses()) {
            for (int i = 0; i < p.classes().size(); i++) {
                InsightData.ClassProbability c = p.classes().get(i);
                Label name = new Label(c.name());
                name.setId("top-class-" + i);
                ProgressBar bar = new ProgressBar(Double.isNaN(c.probability()) ? 0 : c.probability());
                bar.setPrefWidth(160);
                topClasses.addRow(i, name, bar, new Label(percent(c.probability())));
            }
        } else {
            for (int i = 0; i < p.values().length; i++) {
                Label v = new Label(String.format(Locale.ROOT, "%.6g", p.values()[i]));
                v.setId("value-" + i);
                topClasses.addRow(i, new Label(p.values().length == 1 ? "predicted" : "value " + i), v);
            }
        }
        InsightData.Saliency s = p.saliency();
        predictionMap.setImage(s == null ? null : picture(s, model.opacityProperty().get(), predictionMap));
        predictionCaption.setText(s == null ? (p.saliencyProblem().isEmpty() ? "" : "No saliency: "
                + p.saliencyProblem()) : p.file() + ": " + s.method() + " of class " + s.className()
                + String.format(Locale.ROOT, " (%.3f)", s.probability()));
    }

    /**
     * The saliency over its input as an image: an image input at least {@link #MAP_SIDE} pixels across, a row of
     * values (a table or tokens) as a strip {@link #MAP_SIDE} wide.
     */
    private static WritableImage picture(InsightData.Saliency s, double opacity, ImageView into) {
        int zoom = Math.max(1, MAP_SIDE / Math.max(s.height(), s.width()));
        int w = s.width() * zoom;
        int h = s.height() * zoom;
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(),
                InsightViewModel.overlay(s, opacity, zoom), 0, w);
        boolean strip = s.height() == 1 && s.channels() == 1;
        into.setPreserveRatio(!strip);
        into.setFitWidth(strip ? MAP_SIDE : 0);
        into.setFitHeight(strip ? 24 : 0);
        return image;
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private void showEvaluation(InsightData.Evaluation e) {
        confusion.getChildren().clear();
        perClass.getChildren().clear();
        if (e == null) {
            return;
        }
        sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Math.max(0, e.samples() - 1),
                Math.min(model.sampleProperty().get(), Math.max(0, e.samples() - 1))));
        regression.getChildren().clear();
        if (!e.hasClasses()) {
            confusion.add(new Label("A regression: no classes to confuse."), 0, 0);
            showRegression(e.values());
            return;
        }
        int k = e.classes().size();
        for (int j = 0; j < k; j++) {
            Label head = new Label(e.classes().get(j));
            head.setMinWidth(44);
            head.setAlignment(Pos.CENTER);
            confusion.add(head, j + 1, 0);
        }
        for (int i = 0; i < k; i++) {
            confusion.add(new Label(e.classes().get(i)), 0, i + 1);
            long row = 0;
            for (long c : e.confusion()[i]) {
                row += c;
            }
            for (int j = 0; j < k; j++) {
                long c = e.confusion()[i][j];
                Label cell = new Label(Long.toString(c));
                cell.setId("cell-" + i + "-" + j);
                cell.setMinSize(44, 26);
                cell.setAlignment(Pos.CENTER);
                double share = row == 0 ? 0 : (double) c / row;
                // Right answers in green, confusions in red, as strong as their share of the true class's samples.
                String colour = i == j ? "46, 160, 67" : "214, 60, 50";
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.2f);"
                        + " -fx-border-color: #ccc;", colour, 0.1 + 0.8 * share));
                int trueClass = i;
                int predictedClass = j;
                cell.setCursor(javafx.scene.Cursor.HAND);
                cell.setTooltip(new javafx.scene.control.Tooltip(c + " test samples of class " + e.classes().get(i)
                        + " predicted as " + e.classes().get(j) + "; click to see them"));
                cell.setOnMouseClicked(ev -> {
                    if (!model.busyProperty().get()) {
                        model.showCell(trueClass, predictedClass);
                    }
                });
                confusion.add(cell, j + 1, i + 1);
            }
        }
        perClass.add(new Label("class"), 0, 0);
        perClass.add(new Label("precision"), 1, 0);
        perClass.add(new Label("recall"), 2, 0);
        perClass.add(new Label("count"), 3, 0);
        for (int i = 0; i < e.perClass().size(); i++) {
            InsightData.ClassScores s = e.perClass().get(i);
            perClass.add(new Label(s.name()), 0, i + 1);
            perClass.add(new Label(percent(s.precision())), 1, i + 1);
            perClass.add(new Label(percent(s.recall())), 2, i + 1);
            perClass.add(new Label(Long.toString(s.count())), 3, i + 1);
        }
    }

    /** The chosen cell's samples: image thumbnails, table rows or texts, each with its probabilities. */
    private void showCell(InsightData.CellSamples c) {
        cellSamples.getChildren().clear();
        confusion.getChildren().forEach(n -> {
            if (n.getId() != null && n.getId().startsWith("cell-")) {
                n.setEffect(null);
            }
        });
        if (c == null) {
            cellCaption.setText("Click a cell of the matrix to see its test samples.");
            return;
        }
        javafx.scene.Node chosen = confusion.lookup("#cell-" + c.row() + "-" + c.col());
        if (chosen != null) {
            chosen.setEffect(new javafx.scene.effect.InnerShadow(6, javafx.scene.paint.Color.web("#1a73e8")));
        }
        cellCaption.setText(InsightViewModel.cellCaption(c) + (c.total() > 0 && "image".equals(c.shown().kind())
                ? " Click an image to explain it." : ""));
        boolean right = c.row() == c.col();
        for (InsightData.TestSample s : c.shown().samples()) {
            double p = c.answers().probability()[s.index()];
            double t = c.answers().trueProbability()[s.index()];
            String odds = String.format(Locale.ROOT, "p %.2f", p) + (right ? ""
                    : String.format(Locale.ROOT, " · true %.2f", t));
            javafx.scene.Node tile = switch (c.shown().kind()) {
                case "image" -> imageTile(s, c.shown().shape(), odds);
                case "table" -> new Label("#" + s.index() + "  " + odds + "   " + row(c.shown().features(), s.values()));
                default -> new Label("#" + s.index() + "  " + odds + "   " + String.join(" ", s.tokens()));
            };
            tile.setId("cell-sample-" + s.index());
            if (tile instanceof Label l) {
                l.setWrapText(true);
                l.setMaxWidth(420);
            }
            cellSamples.getChildren().add(tile);
        }
    }

    private javafx.scene.Node imageTile(InsightData.TestSample s, int[] shape, String odds) {
        int c = shape.length == 3 ? shape[0] : 1;
        int h = shape.length == 3 ? shape[1] : 1;
        int w = shape.length == 3 ? shape[2] : s.values().length;
        int zoom = Math.max(1, 48 / Math.max(h, w));
        ImageView view = new ImageView();
        view.setSmooth(false);
        view.setImage(LayersPanel.image(MapPictures.image(s.values(), c, h, w, zoom)));
        Label text = new Label("#" + s.index() + "\n" + odds);
        text.setStyle("-fx-font-size: 10");
        VBox tile = new VBox(2, view, text);
        tile.setAlignment(Pos.TOP_CENTER);
        tile.setCursor(javafx.scene.Cursor.HAND);
        tile.setUserData(s.index());
        markTile(tile, s.index() == chosenSample);
        tile.setOnMouseClicked(e -> {
            if (!model.busyProperty().get()) {
                // The clicked sample is framed, so the map on the right is seen to be its own.
                chosenSample = s.index();
                cellSamples.getChildren().forEach(n -> markTile(n, n == tile));
                sample.getValueFactory().setValue(s.index());
                model.sampleProperty().set(s.index());
                model.explain();
            }
        });
        return tile;
    }

    /** Frames the chosen sample's tile (the one explained on the right); the others keep an empty frame. */
    private static void markTile(javafx.scene.Node tile, boolean chosen) {
        tile.getStyleClass().remove(CHOSEN);
        if (chosen) {
            tile.getStyleClass().add(CHOSEN);
        }
        tile.setStyle("-fx-padding: 2; -fx-border-width: 2; -fx-border-radius: 3; -fx-background-radius: 3;"
                + (chosen ? " -fx-border-color: #1a73e8; -fx-background-color: rgba(26, 115, 232, 0.15);"
                : " -fx-border-color: transparent;"));
    }

    private static String row(List<String> features, float[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length && i < 12; i++) {
            b.append(i == 0 ? "" : ", ").append(i < features.size() ? features.get(i) : "x" + (i + 1)).append(' ')
                    .append(String.format(Locale.ROOT, "%.4g", values[i]));
        }
        return b.append(values.length > 12 ? ", …" : "").toString();
    }

    private void showRegression(InsightData.Values v) {
        if (v.isEmpty()) {
            return;
        }
        ChartViewer scatter = new ChartViewer(RegressionCharts.chart(RegressionCharts.predictedAgainstTrue(v),
                "true", "predicted"));
        scatter.setId("scatter-chart");
        ChartViewer residuals = new ChartViewer(RegressionCharts.chart(RegressionCharts.residuals(v), "true",
                "predicted − true"));
        residuals.setId("residual-chart");
        for (ChartViewer c : List.of(scatter, residuals)) {
            c.setPrefSize(380, 220);
            c.setMinSize(200, 150);
        }
        ChartExport.install(scatter, "predicted-against-true");
        ChartExport.install(residuals, "residuals");
        regression.getChildren().setAll(title("Predicted against true (" + v.truth().length + " values)"), scatter,
                title("Residuals"), residuals);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private void drawMap() {
        InsightData.Saliency s = model.saliencyProperty().get();
        if (s == null) {
            map.setImage(null);
            caption.setText("");
            return;
        }
        map.setImage(picture(s, model.opacityProperty().get(), map));
        caption.setText(s.method() + " of class " + s.className() + String.format(Locale.ROOT, " (%.3f)",
                s.probability()) + (s.trueClass().isEmpty() ? "" : ", true class " + s.trueClass()));
    }

    public InsightViewModel model() {
        return model;
    }
}
