package org.netwright.app.dataimport;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.netwright.app.theme.DrawingColors;
import org.netwright.app.theme.Themes;
import org.netwright.runner.data.DataSummary;

/**
 * File > Import Data… (CSS id {@code import-data}): pick a file or folder, set the options its kind takes, see what a
 * run would see with a preview, then use the data and fit the network to it. It only shows the view model.
 */
public final class ImportDataWindow extends Stage {
    private final ImportViewModel model;
    private final VBox facts = new VBox(4);
    private final VBox preview = new VBox(4);
    private final GridPane options = new GridPane();
    private final Label legend = new Label("Preview");
    /** The preview's width inside its scroll pane: wrapping rows of pictures and drawings stay within it. */
    private static final double PREVIEW_WIDTH = 820;
    /** Asks for a file or folder; replaceable because native dialogs cannot be driven in headless tests. */
    private Function<Window, Path> fileChooser = ImportDataWindow::showFileChooser;

    public ImportDataWindow(Window owner, List<String> stylesheets, ImportViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Import Data");

        Label path = new Label("No file or folder chosen yet.");
        path.setId("import-path");
        path.textProperty().bind(Bindings.createStringBinding(() -> model.sourceProperty().get() == null
                ? "No file or folder chosen yet." : model.sourceProperty().get().toString(), model.sourceProperty()));
        path.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button file = new Button("Choose file…");
        file.setId("import-choose-file");
        file.setOnAction(e -> pick(fileChooser.apply(this)));
        Button folder = new Button("Choose folder…");
        folder.setId("import-choose-folder");
        folder.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(this);
            pick(f == null ? null : f.toPath());
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.loadingProperty());
        HBox top = new HBox(8, path, busy, file, folder);
        top.setAlignment(Pos.CENTER_LEFT);

        options.setHgap(8);
        options.setVgap(4);
        options.setId("import-options");

        Label problem = new Label();
        problem.setId("import-problem");
        problem.getStyleClass().add("error");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        Button use = new Button("Use this data");
        use.setId("import-use");
        use.setDefaultButton(true);
        use.setOnAction(e -> model.useData());
        Button fit = new Button("Fit the network to the data");
        fit.setId("import-fit");
        fit.setOnAction(e -> model.fitNetwork());
        use.disableProperty().bind(model.loadedProperty().isNull().or(model.loadingProperty()));
        fit.disableProperty().bind(use.disableProperty());
        Label message = new Label();
        message.setId("import-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("Close");
        close.setOnAction(e -> close());
        CheckBox keep = new CheckBox("Keep a copy inside the project");
        keep.setId("import-keep-copy");
        keep.selectedProperty().bindBidirectional(model.keepCopyProperty());
        keep.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.keepable(), model.loadedProperty())
                .or(model.loadingProperty()));
        Label keepable = new Label();
        keepable.setId("import-keep-limit");
        keepable.setStyle("-fx-text-fill: #555;");
        keepable.textProperty().bind(model.keepableProperty());
        VBox keepBox = new VBox(0, keep, keepable);
        keepBox.setManaged(model.canKeepCopies());
        keepBox.setVisible(model.canKeepCopies());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, keepBox, gap, use, fit, close);
        actions.setAlignment(Pos.CENTER_RIGHT);

        ScrollPane previewScroll = new ScrollPane(preview);
        previewScroll.setFitToWidth(false);
        previewScroll.setPrefHeight(330);
        VBox.setVgrow(previewScroll, Priority.ALWAYS);
        legend.setId("import-legend");
        VBox root = new VBox(10, top, options, facts, problem, legend, previewScroll, message, actions);
        root.setId("import-data");
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 900, 720);
        scene.getStylesheets().addAll(stylesheets);
        setScene(scene);

        model.loadedProperty().addListener((o, was, now) -> show(now));
        show(model.loadedProperty().get());
    }

    /** Uses another way to ask for a file (tests answer with a fixed path; null means the user cancelled). */
    public void chooseFilesWith(Function<Window, Path> chooser) {
        this.fileChooser = Objects.requireNonNull(chooser);
    }

    private void pick(Path path) {
        if (path != null) {
            model.choose(path);
        }
    }

    private void show(ImportViewModel.Loaded loaded) {
        facts.getChildren().clear();
        preview.getChildren().clear();
        options.getChildren().clear();
        if (loaded == null) {
            // Data that cannot be read as detected (a series read as a table, say) keeps its options to fix it with.
            if (model.sourceProperty().get() != null) {
                try {
                    showOptions(model.recipe().kind(), null, List.of());
                } catch (RuntimeException e) {
                    // A bad option's message is in the problem line already.
                }
            }
            return;
        }
        DataSummary s = loaded.summary();
        boolean graphs = s.kind().equals("graph") || s.kind().equals("graphs");
        // An edge table is a CSV, but a table's label, missing-cell, text and forecast options do not apply to it.
        showOptions(graphs ? "graphs" : loaded.recipe().kind(), s,
                loaded.preview() instanceof DataPreview.Table t ? t.header() : List.of());
        legend.setText(legendFor(loaded.preview()));
        int[] split = s.split();
        String unit = s.kind().equals("graphs") ? "graphs" : s.kind().equals("graph") ? "nodes" : "samples";
        fact("import-kind", "Detected: " + s.kind() + s.task().map(t -> " (" + t + ")").orElse("") + " — "
                + s.samples() + " " + unit);
        if (!s.classes().isEmpty()) {
            fact("import-classes", "Classes: " + ImportViewModel.classCounts(s));
        }
        s.imbalance().ifPresent(w -> fact("import-imbalance", "⚠ " + w).getStyleClass().add("data-moved"));
        fact("import-split", "Split: " + split[0] + " train, " + split[1] + " validation, " + split[2] + " test");
        fact("import-shapes", "The network's input gets " + String.join("; ", ImportViewModel.inputShapes(s)));
        if (s.missingCells() > 0) {
            fact("import-missing", s.missingCells() + " missing cells handled with '" + s.missingPolicy() + "'");
        }
        for (String notice : s.notices()) {
            fact(null, notice).getStyleClass().add("hint");
        }
        preview.getChildren().add(previewOf(loaded.preview()));
    }

    /** What the preview shows and how to read its marks. */
    private static String legendFor(DataPreview p) {
        if (p instanceof DataPreview.Table) {
            return "Preview: the first rows (features in black, the label in blue, columns left out in grey)";
        }
        if (p instanceof DataPreview.Graphs g) {
            return g.pictures().size() == 1 ? "Preview: the graph" : "Preview: the first graph of each class";
        }
        if (p instanceof DataPreview.Images) {
            return "Preview: the first images with their classes";
        }
        if (p instanceof DataPreview.Texts) {
            return "Preview: texts with their class and first tokens";
        }
        if (p instanceof DataPreview.Series) {
            return "Preview: the series with the last sample's window";
        }
        return "Preview";
    }

    private Label fact(String id, String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (id != null) {
            l.setId(id);
        }
        facts.getChildren().add(l);
        return l;
    }

    /** The options that matter for the detected kind, bound to the model; "Read again" applies them. */
    private void showOptions(String kind, DataSummary summary, List<String> columns) {
        int row = 0;
        if (kind.equals("csv") || kind.equals("text_classes") || kind.equals("timeseries")) {
            List<String> header = columns.isEmpty() ? headerOf(model.sourceProperty().get()) : columns;
            if (!kind.equals("timeseries")) {
                ComboBox<String> label = choice("import-label", header, model.labelProperty());
                if (summary != null) {
                    summary.label().ifPresent(l -> label.setPromptText(l + (summary.labelGuessed() ? " (guessed)" : "")));
                }
                row = option(row, "Label column", label);
                if (summary != null && !summary.features().isEmpty()) {
                    Label features = new Label(String.join(", ", summary.features()));
                    features.setId("import-features");
                    features.setWrapText(true);
                    row = option(row, "Feature columns", features);
                }
                ComboBox<String> missing = choice("import-missing-policy", List.of("drop", "mean", "mode", "error"),
                        model.missingProperty());
                missing.setPromptText(summary == null || summary.missingPolicy().isEmpty() ? "default"
                        : summary.missingPolicy());
                row = option(row, "Missing cells", missing);
                row = option(row, "Text column", choice("import-text-column", header, model.textColumnProperty()));
            }
            if (kind.equals("text_classes")) {
                row = option(row, "Tokenizer", choice("import-tokenizer", List.of("word", "char"),
                        model.tokenizerProperty()));
                row = option(row, "Vocabulary", field("import-vocabulary", model.vocabularyProperty()));
                row = option(row, "Max length", field("import-max-length", model.maxLengthProperty()));
            }
            row = option(row, "Forecast column", choice("import-target", header, model.targetProperty()));
            if (kind.equals("timeseries")) {
                row = option(row, "Window", field("import-window", model.windowProperty()));
                row = option(row, "Horizon", field("import-horizon", model.horizonProperty()));
            }
        }
        if (kind.equals("images") || kind.equals("idx")) {
            row = option(row, "Image size (HxW)", field("import-image-size", model.imageSizeProperty()));
            if (kind.equals("images")) {
                CheckBox grey = new CheckBox("Grayscale");
                grey.selectedProperty().bindBidirectional(model.grayscaleProperty());
                row = option(row, "", grey);
            }
            TextField augment = field("import-augment", model.augmentProperty());
            augment.setPrefColumnCount(22);
            augment.setPromptText("e.g. flip,crop=4,rotate=15,noise=0.05");
            augment.setOnAction(e -> model.load());
            row = option(row, "Augment training images", augment);
        }
        if (row > 0) {
            Button again = new Button("Read again");
            again.setId("import-reload");
            again.setOnAction(e -> model.load());
            options.add(again, 2, 0);
        }
    }

    private int option(int row, String name, Node control) {
        options.add(new Label(name), 0, row);
        options.add(control, 1, row);
        return row + 1;
    }

    private static ComboBox<String> choice(String id, List<String> values, javafx.beans.property.StringProperty into) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add("");
        values.stream().filter(v -> !v.isEmpty()).forEach(box.getItems()::add);
        box.setValue(into.get().isEmpty() ? null : into.get());
        box.valueProperty().addListener((o, was, now) -> into.set(now == null ? "" : now));
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty into) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
        f.textProperty().bindBidirectional(into);
        return f;
    }

    private static List<String> headerOf(Path file) {
        try {
            List<List<String>> lines = DataPreview.lines(file, 1);
            return lines.isEmpty() ? List.of() : lines.get(0);
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Node previewOf(DataPreview p) {
        if (p instanceof DataPreview.Table t) {
            return table(t);
        }
        if (p instanceof DataPreview.Texts t) {
            VBox box = new VBox(6);
            for (DataPreview.Text text : t.texts()) {
                Label l = new Label("[" + text.label() + "] " + text.text() + "\n    tokens: "
                        + String.join(" · ", text.tokens()));
                l.setWrapText(true);
                box.getChildren().add(l);
            }
            return box;
        }
        if (p instanceof DataPreview.Images images) {
            FlowPane grid = pictures(images.pictures(), false);
            grid.setId("import-images");
            if (images.augmented().isEmpty()) {
                return grid;
            }
            FlowPane augmented = pictures(images.augmented(), true);
            augmented.setId("import-augmented");
            Label title = new Label("Augmented (" + images.augmentSpec() + "): the first image as training batches"
                    + " may show it; validation and test images are never changed");
            title.setStyle("-fx-font-weight: bold;");
            title.setWrapText(true);
            title.setMaxWidth(PREVIEW_WIDTH);
            return new VBox(8, title, augmented, new Label("The first images with their classes:"), grid);
        }
        if (p instanceof DataPreview.Series s) {
            return series(s);
        }
        if (p instanceof DataPreview.Graphs g) {
            FlowPane row = new FlowPane(12, 12);
            row.setId("import-graphs");
            row.setPrefWrapLength(PREVIEW_WIDTH);
            double width = g.pictures().size() == 1 ? 520 : 260;
            g.pictures().forEach(picture -> row.getChildren().add(graphPicture(picture, width)));
            return row;
        }
        VBox box = new VBox(4);
        ((DataPreview.Facts) p).lines().forEach(line -> box.getChildren().add(new Label(line)));
        return box;
    }

    /**
     * Pictures in a wrapping row, each drawn at 64 pixels with its label below; {@code oneScale}: all drawn in the first
     * picture's grey scale.
     */
    private static FlowPane pictures(List<DataPreview.Picture> pictures, boolean oneScale) {
        FlowPane grid = new FlowPane(8, 8);
        grid.setPrefWrapLength(PREVIEW_WIDTH);
        // Copies of one image share its grey scale, so added noise shows as noise rather than as changed contrast.
        float[] scale = oneScale && !pictures.isEmpty() ? range(pictures.get(0)) : null;
        for (DataPreview.Picture picture : pictures) {
            ImageView view = new ImageView(scale == null ? image(picture) : image(picture, scale[0], scale[1]));
            view.setFitWidth(64);
            view.setFitHeight(64);
            view.setSmooth(false);
            view.setPreserveRatio(true);
            VBox cell = new VBox(2, view, new Label(picture.label()));
            cell.setAlignment(Pos.CENTER);
            grid.getChildren().add(cell);
        }
        return grid;
    }

    private static Node table(DataPreview.Table t) {
        GridPane grid = new GridPane();
        grid.setId("import-table");
        grid.setHgap(14);
        grid.setVgap(2);
        for (int c = 0; c < t.header().size(); c++) {
            // Features in black, the label in blue, columns left out in grey (the legend above says so).
            String mark = c == t.label() ? " (label)" : t.features().get(c) ? "" : " (not used)";
            Label head = new Label(t.header().get(c) + mark);
            head.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            head.setStyle("-fx-font-weight: bold;" + (c == t.label() ? "-fx-text-fill: #1a5fb4;"
                    : t.features().get(c) ? "" : "-fx-text-fill: #888;"));
            grid.add(head, c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = new Label(row.get(c));
                cell.getStyleClass().add("import-cell");
                if (c == t.label()) {
                    cell.setStyle("-fx-text-fill: #1a5fb4;");
                } else if (c < t.features().size() && !t.features().get(c)) {
                    cell.getStyleClass().add("hint");
                }
                grid.add(cell, c, r + 1);
            }
        }
        return grid;
    }

    private static WritableImage image(DataPreview.Picture p) {
        float[] range = range(p);
        return image(p, range[0], range[1]);
    }

    private static float[] range(DataPreview.Picture p) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : p.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max};
    }

    /** The picture with values {@code min..max} drawn black to white (values beyond them clamped). */
    private static WritableImage image(DataPreview.Picture p, float min, float max) {
        WritableImage image = new WritableImage(p.width(), p.height());
        PixelWriter w = image.getPixelWriter();
        float range = max > min ? max - min : 1;
        int plane = p.width() * p.height();
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                int i = y * p.width() + x;
                double r = unit((p.values()[i] - min) / range);
                double g = p.channels() >= 3 ? unit((p.values()[plane + i] - min) / range) : r;
                double b = p.channels() >= 3 ? unit((p.values()[2 * plane + i] - min) / range) : r;
                w.setColor(x, y, Color.color(r, g, b));
            }
        }
        return image;
    }

    private static double unit(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The series as a line, the last sample's window shaded and its horizon marked, in the theme's colours. */
    static Node series(DataPreview.Series s) {
        double[] v = s.values();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double x : v) {
            if (Double.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (v.length < 2 || min > max) {
            return new Label("No numbers in the column '" + s.target() + "'.");
        }
        Canvas canvas = new Canvas(PREVIEW_WIDTH, 220);
        canvas.setId("import-series");
        double low = min;
        double range = max > min ? max - min : 1;
        return DrawingColors.paint(canvas, colours -> drawSeries(canvas, s, low, range, colours));
    }

    private static void drawSeries(Canvas canvas, DataPreview.Series s, double min, double range,
                                   DrawingColors colours) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double[] v = s.values();
        double w = canvas.getWidth();
        double h = canvas.getHeight() - 20;
        g.clearRect(0, 0, w, canvas.getHeight());
        g.setFill(colours.background());
        g.fillRect(0, 0, w, canvas.getHeight());
        int end = v.length;
        // The last sample: a window of points ending at n-h-1, forecasting the h points after it.
        double step = w / (v.length - 1);
        int windowEnd = Math.max(0, end - s.horizon() - 1);
        int windowStart = Math.max(0, windowEnd - s.window() + 1);
        g.setFill(colours.kind(0).deriveColor(0, 1, 1, 0.2));
        g.fillRect(windowStart * step, 0, (windowEnd - windowStart) * step, h);
        g.setFill(colours.kind(1).deriveColor(0, 1, 1, 0.3));
        g.fillRect(windowEnd * step, 0, (end - 1 - windowEnd) * step, h);
        g.setStroke(colours.ink());
        g.beginPath();
        for (int i = 0; i < v.length; i++) {
            double x = i * w / (v.length - 1);
            double y = h - (Double.isFinite(v[i]) ? (v[i] - min) / range : 0) * h;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(colours.caption());
        g.fillText(s.target() + ": a window of " + s.window() + " steps (blue) forecasts the next " + s.horizon()
                + " (orange)", 4, canvas.getHeight() - 4);
    }

    /** One graph drawn small in the theme's colours: nodes coloured by class (a set's graph: one colour), a caption. */
    static Node graphPicture(DataPreview.GraphPicture p, double width) {
        Canvas canvas = new Canvas(width, width == 260 ? 240 : 320);
        canvas.getStyleClass().add("import-graph");
        DrawingColors.paint(canvas, colours -> drawGraph(canvas, p, colours));
        VBox box = new VBox(4, canvas);
        if (java.util.Arrays.stream(p.nodeClass()).anyMatch(c -> c >= 0)) {
            HBox key = new HBox(12);
            for (int c = 0; c < p.classNames().size(); c++) {
                Label l = new Label("● " + p.classNames().get(c));
                int kind = c;
                l.textFillProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                        () -> DrawingColors.of(Themes.isDark()).kind(kind), Themes.darkProperty()));
                key.getChildren().add(l);
            }
            box.getChildren().add(key);
        }
        return box;
    }

    private static void drawGraph(Canvas canvas, DataPreview.GraphPicture p, DrawingColors colours) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(colours.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double margin = 16;
        double size = canvas.getHeight() - 2 * margin - 18;
        double left = (canvas.getWidth() - size) / 2;
        g.setStroke(colours.line());
        g.setLineWidth(1);
        for (int[] e : p.edges()) {
            g.strokeLine(left + p.x()[e[0]] * size, margin + p.y()[e[0]] * size,
                    left + p.x()[e[1]] * size, margin + p.y()[e[1]] * size);
        }
        double r = p.x().length > 60 ? 3.5 : 5;
        for (int i = 0; i < p.x().length; i++) {
            int c = p.nodeClass()[i];
            g.setFill(c < 0 ? colours.ink() : colours.kind(c));
            g.fillOval(left + p.x()[i] * size - r, margin + p.y()[i] * size - r, 2 * r, 2 * r);
        }
        g.setFill(colours.caption());
        g.fillText(p.caption(), 4, canvas.getHeight() - 6);
    }

    private static Path showFileChooser(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose data to import");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Tables, texts, IDX (*.csv, *.tsv, *.txt, *-ubyte, *.gz)", "*.csv",
                        "*.tsv", "*.txt", "*-ubyte", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }
}
