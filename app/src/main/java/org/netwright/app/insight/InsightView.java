package org.netwright.app.insight;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
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
 * A trained run seen from inside: the confusion matrix (rows true classes, columns predicted ones, cells shaded by
 * their share of the row) with each class's precision, recall and count, and the saliency map of a chosen test
 * sample over its image with an opacity slider.
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

    public InsightView(InsightViewModel model) {
        this.model = model;
        setId("insight-view");
        setPadding(new Insets(12));

        Label status = new Label();
        status.setId("insight-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        setTop(status);
        BorderPane.setMargin(status, new Insets(0, 0, 10, 0));

        confusion.setId("confusion-grid");
        confusion.setHgap(2);
        confusion.setVgap(2);
        perClass.setId("per-class");
        perClass.setHgap(12);
        perClass.setVgap(3);
        Label summary = new Label();
        summary.setId("evaluation-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(380);
        summary.textProperty().bind(model.summaryProperty());
        Label confusionTitle = title("Confusion matrix (rows: true class, columns: predicted)");
        VBox left = new VBox(8, summary, confusionTitle, confusion, title("Per class"), perClass);
        left.setMinWidth(300);
        setLeft(left);

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
        setCenter(right);

        model.evaluationProperty().addListener((o, was, now) -> showEvaluation(now));
        model.saliencyProperty().addListener((o, was, now) -> drawMap());
        model.opacityProperty().addListener((o, was, now) -> drawMap());
    }

    private static Label title(String text) {
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
        if (!e.hasClasses()) {
            confusion.add(new Label("A regression: no classes to confuse."), 0, 0);
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
        int zoom = Math.max(1, MAP_SIDE / Math.max(s.height(), s.width()));
        int w = s.width() * zoom;
        int h = s.height() * zoom;
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(),
                InsightViewModel.overlay(s, model.opacityProperty().get(), zoom), 0, w);
        map.setImage(image);
        caption.setText(s.method() + " of class " + s.className() + String.format(Locale.ROOT, " (%.3f)",
                s.probability()) + (s.trueClass().isEmpty() ? "" : ", true class " + s.trueClass()));
    }

    public InsightViewModel model() {
        return model;
    }
}
