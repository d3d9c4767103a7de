package org.netwright.app.gallery;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.netwright.app.project.TemplateLayouts;
import org.netwright.editor.Formats;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.user.UserTemplate;
import org.netwright.templates.user.UserTemplateLibrary;

/**
 * File > New from Template: every template as a card with a thumbnail of its network, its family, task, data, size
 * and when to use it, filtered by family and task ({@link GalleryViewModel} holds the filters and the choice).
 * Returns the chosen template; a double-click opens it at once.
 */
public final class GalleryDialog extends Dialog<Template> {
    private final GalleryViewModel model;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final ComboBox<String> family = new SteadyBox();
    private final ComboBox<String> task = new SteadyBox();
    private final ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    /** The user's own templates (null: none shown), their tiles and the files that could not be read. */
    private final UserTemplateLibrary library;
    private final List<TemplateFacts> mine = new ArrayList<>();
    private final List<UserTemplate> mineTemplates = new ArrayList<>();
    private final FlowPane myTiles = new FlowPane(12, 12);
    private final Label skipped = new Label();

    public GalleryDialog(Window owner) {
        this(owner, null);
    }

    /** The gallery with the user's templates from {@code library} under "My templates" above the built-in ones. */
    public GalleryDialog(Window owner, UserTemplateLibrary library) {
        this.library = library;
        initOwner(owner);
        setTitle("New from template");
        setHeaderText("Pick a network to start from. It opens as a new project; you name it when you first save.");
        setResizable(true);
        List<TemplateFacts> facts = new ArrayList<>();
        for (Template t : TemplateLibrary.all()) {
            facts.add(TemplateFacts.of(t));
        }
        readMine();
        model = new GalleryViewModel(facts, mine);
        family.setId("gallery-family");
        task.setId("gallery-task");
        family.setItems(model.families());
        task.setItems(model.tasks());
        // Each box as wide as the widest name it may show: a box sized to its value grew and shrank with the chosen
        // family, and the Task box beside it jumped sideways.
        family.setButtonCell(new WidestCell(model.families()));
        task.setButtonCell(new WidestCell(model.everyTask()));
        family.valueProperty().bindBidirectional(model.familyProperty());
        task.valueProperty().bindBidirectional(model.taskProperty());
        // On every new filtering, even an equal one: the user's section says "None yet" once their last template is gone.
        model.shownProperty().addListener((javafx.beans.Observable o) -> fill());
        HBox filters = new HBox(8, new Label("Family"), family, new Label("Task"), task);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        tiles.setId("gallery-tiles");
        tiles.setPadding(new Insets(4));
        tiles.setPrefWrapLength(3 * 300 + 2 * 12);
        myTiles.setId("my-templates");
        myTiles.setPadding(new Insets(4));
        myTiles.setPrefWrapLength(3 * 300 + 2 * 12);
        skipped.setId("skipped-templates");
        skipped.setWrapText(true);
        skipped.getStyleClass().add("gallery-skipped");
        Label myTitle = new Label("My templates");
        myTitle.getStyleClass().add("gallery-section");
        Label builtIn = new Label("Built-in templates");
        builtIn.getStyleClass().add("gallery-section");
        VBox sections = library == null ? new VBox(tiles) : new VBox(8, myTitle, myTiles, skipped, builtIn, tiles);
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setId("gallery-scroll");
        scroll.setFitToWidth(true);
        wheelByRows(scroll);
        // The tiles do not change while the gallery is scrolled: drawn once as a picture, not again per frame.
        sections.setCache(true);
        sections.setCacheHint(javafx.scene.CacheHint.SPEED);
        scroll.setPrefSize(3 * 300 + 2 * 12 + 30, 600);
        getDialogPane().setContent(new VBox(10, filters, scroll));
        // AtlantaFX's stylesheet caps every dialog at 600 px, which left one narrow column of cards and cut the texts
        // off; the gallery is meant to show three cards in a row. Only a style (not a setter) outranks the theme's.
        getDialogPane().setStyle("-fx-max-width: 100000;");
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        getDialogPane().lookupButton(open).disableProperty().bind(model.chosenProperty().isNull());
        getDialogPane().getStylesheets().add(GalleryDialog.class.getResource("gallery.css").toExternalForm());
        setResultConverter(b -> b == open && model.chosenProperty().get() != null
                ? model.chosenProperty().get().template() : null);
        fill();
    }

    /** Reads the user's templates again; files that could not be read are listed under them with the reason. */
    private void readMine() {
        mine.clear();
        mineTemplates.clear();
        if (library == null) {
            return;
        }
        UserTemplateLibrary.Listing listing = library.list();
        for (UserTemplate t : listing.templates()) {
            mine.add(TemplateFacts.of(t.toTemplate()));
            mineTemplates.add(t);
        }
        skipped.setText(listing.skipped().stream().map(UserTemplateLibrary.Skipped::sentence)
                .collect(java.util.stream.Collectors.joining("\n")));
        skipped.setVisible(!listing.skipped().isEmpty());
        skipped.setManaged(!listing.skipped().isEmpty());
    }

    private void fill() {
        List<TemplateFacts> shown = model.shownProperty().get().builtIn();
        List<TemplateFacts> myShown = model.shownProperty().get().mine();
        myTiles.getChildren().clear();
        for (TemplateFacts f : myShown) {
            myTiles.getChildren().add(myTile(f, mineTemplates.get(mine.indexOf(f))));
        }
        if (myShown.isEmpty()) {
            Label none = new Label(model.noneOfMine());
            none.getStyleClass().add("gallery-when");
            myTiles.getChildren().add(none);
        }
        tiles.getChildren().clear();
        for (TemplateFacts f : shown) {
            tiles.getChildren().add(tile(f));
        }
        if (shown.isEmpty()) {
            tiles.getChildren().add(new Label(model.noneBuiltIn()));
        }
    }

    /** A tile of the user's own: the built-in tile's facts, its tags and a Remove button. */
    private VBox myTile(TemplateFacts f, UserTemplate t) {
        VBox tile = tile(f);
        if (!t.tags().isEmpty()) {
            Label tags = new Label("Tags: " + String.join(", ", t.tags()));
            tags.setWrapText(true);
            tags.getStyleClass().add("gallery-tags");
            tile.getChildren().add(tags);
        }
        javafx.scene.control.Button remove = new javafx.scene.control.Button("Remove…");
        remove.setId("remove-" + t.id());
        remove.setOnAction(e -> remove(t));
        tile.getChildren().add(remove);
        return tile;
    }

    private void remove(UserTemplate t) {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Its file in " + library.folder() + " is deleted; projects made from it stay as they are.",
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(getDialogPane().getScene().getWindow());
        ask.setTitle("Remove template");
        ask.setHeaderText("Remove your template \u201c" + t.name() + "\u201d?");
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        try {
            library.remove(t.id());
        } catch (org.netwright.templates.user.UserTemplateException e) {
            javafx.scene.control.Alert error = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.ERROR, e.getMessage());
            error.initOwner(getDialogPane().getScene().getWindow());
            error.showAndWait();
        }
        readMine();
        model.setMine(mine);
    }

    private VBox tile(TemplateFacts f) {
        Template t = f.template();
        Label title = new Label(t.title());
        title.getStyleClass().add("gallery-title");
        title.setWrapText(true);
        Label kind = new Label(f.family() + " · " + f.task());
        kind.getStyleClass().add("gallery-kind");
        Label data = new Label("Data: " + f.data());
        data.setWrapText(true);
        Label size = new Label(Formats.params(f.params()) + " · " + Formats.macs(f.macs()) + " per sample");
        size.setWrapText(true);
        Label when = new Label(f.whenToUse());
        when.setWrapText(true);
        when.getStyleClass().add("gallery-when");
        VBox tile = new VBox(4, Thumbnail.of(TemplateLayouts.laidOut(t), 276, 130), title, kind, data, size, when);
        tile.setId("template-" + t.id());
        tile.getStyleClass().add("gallery-tile");
        tile.setPrefWidth(300);
        tile.setMaxWidth(300);
        tile.setPadding(new Insets(12));
        tile.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            model.chosenProperty().set(f);
            tiles.getChildren().forEach(n -> n.getStyleClass().remove("gallery-chosen"));
            myTiles.getChildren().forEach(n -> n.getStyleClass().remove("gallery-chosen"));
            tile.getStyleClass().add("gallery-chosen");
            if (e.getClickCount() == 2) {
                setResult(t);
                close();
            }
        });
        if (f.equals(model.chosenProperty().get())) {
            tile.getStyleClass().add("gallery-chosen");
        }
        return tile;
    }

    /** How far one notch of the mouse wheel scrolls the gallery: about half a row of tiles. */
    static final double WHEEL_STEP = 150;

    /**
     * Scrolls {@code scroll} by {@link #WHEEL_STEP} pixels per wheel notch. A scroll pane moves its content by the
     * event's few pixels (40 a notch on most systems, less on some), a tenth of a tile's height: going through the
     * gallery took a dozen notches per row.
     */
    static void wheelByRows(ScrollPane scroll) {
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            double range = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            if (e.getDeltaY() == 0 || range <= 0) {
                return;
            }
            // In notches (the event's pixels over its pixels per notch): a touchpad's fractions of a notch stay small.
            double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
            double pixels = Math.max(-3, Math.min(3, notches)) * WHEEL_STEP;
            double span = scroll.getVmax() - scroll.getVmin();
            scroll.setVvalue(Math.max(scroll.getVmin(), Math.min(scroll.getVmax(),
                    scroll.getVvalue() - pixels / range * span)));
            e.consume();
        });
    }

    /** The gallery's filters and choice, for tests. */
    GalleryViewModel model() {
        return model;
    }

    /**
     * A combo box as wide as its button cell ({@link WidestCell}) and its arrow, always: the skin's own width also
     * follows its list's widest cell once the list has been open, which made it grow after the first pick.
     */
    private static final class SteadyBox extends ComboBox<String> {
        SteadyBox() {
            setMinWidth(USE_PREF_SIZE);
            setMaxWidth(USE_PREF_SIZE);
        }

        @Override
        protected double computePrefWidth(double height) {
            javafx.scene.Node arrow = lookup(".arrow-button");
            if (getButtonCell() == null || arrow == null) {
                return super.computePrefWidth(height);
            }
            return snappedLeftInset() + getButtonCell().prefWidth(height) + arrow.prefWidth(-1) + snappedRightInset();
        }
    }

    /** A combo box's button cell as wide as the widest of {@code names} in its own font, whichever is shown. */
    private static final class WidestCell extends javafx.scene.control.ListCell<String> {
        private final javafx.collections.ObservableList<String> names;

        WidestCell(javafx.collections.ObservableList<String> names) {
            this.names = names;
            names.addListener((javafx.beans.Observable o) -> requestLayout());
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item);
        }

        @Override
        protected double computePrefWidth(double height) {
            javafx.scene.text.Text measure = new javafx.scene.text.Text();
            measure.setFont(getFont());
            double widest = 0;
            for (String name : names) {
                measure.setText(name);
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            // A pixel to spare, so rounding never cuts the widest name to an ellipsis.
            return Math.max(super.computePrefWidth(height), Math.ceil(widest) + snappedLeftInset()
                    + snappedRightInset() + 1);
        }
    }
}
