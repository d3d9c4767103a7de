package org.netwright.app.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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

/**
 * File > New from Template: every template as a card with a thumbnail of its network, its family, task, data, size
 * and when to use it, filtered by family and task. Returns the chosen template; a double-click opens it at once.
 */
public final class GalleryDialog extends Dialog<Template> {
    static final String ALL = "All";
    private final List<TemplateFacts> facts = new ArrayList<>();
    private final FlowPane tiles = new FlowPane(12, 12);
    private final ComboBox<String> family = new ComboBox<>();
    private final ComboBox<String> task = new ComboBox<>();
    private final ObjectProperty<TemplateFacts> chosen = new SimpleObjectProperty<>();
    private final ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

    public GalleryDialog(Window owner) {
        initOwner(owner);
        setTitle("New from template");
        setHeaderText("Pick a network to start from. It opens as a new project; you name it when you first save.");
        setResizable(true);
        for (Template t : TemplateLibrary.all()) {
            facts.add(TemplateFacts.of(t));
        }
        family.setId("gallery-family");
        task.setId("gallery-task");
        family.getItems().add(ALL);
        task.getItems().add(ALL);
        family.getItems().addAll(new TreeSet<>(facts.stream().map(TemplateFacts::family).toList()));
        task.getItems().addAll(new TreeSet<>(facts.stream().map(TemplateFacts::task).toList()));
        family.setValue(ALL);
        task.setValue(ALL);
        family.valueProperty().addListener((o, was, now) -> fill());
        task.valueProperty().addListener((o, was, now) -> fill());
        HBox filters = new HBox(8, new Label("Family"), family, new Label("Task"), task);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        tiles.setId("gallery-tiles");
        tiles.setPadding(new Insets(4));
        tiles.setPrefWrapLength(3 * 300 + 2 * 12);
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(3 * 300 + 2 * 12 + 30, 600);
        getDialogPane().setContent(new VBox(10, filters, scroll));
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        getDialogPane().lookupButton(open).disableProperty().bind(chosen.isNull());
        getDialogPane().getStylesheets().add(GalleryDialog.class.getResource("gallery.css").toExternalForm());
        setResultConverter(b -> b == open && chosen.get() != null ? chosen.get().template() : null);
        fill();
    }

    /** The facts the filters let through, in library order. */
    static List<TemplateFacts> shown(List<TemplateFacts> all, String family, String task) {
        return all.stream()
                .filter(f -> family == null || ALL.equals(family) || f.family().equals(family))
                .filter(f -> task == null || ALL.equals(task) || f.task().equals(task))
                .toList();
    }

    private void fill() {
        List<TemplateFacts> shown = shown(facts, family.getValue(), task.getValue());
        if (chosen.get() != null && !shown.contains(chosen.get())) {
            chosen.set(null);
        }
        tiles.getChildren().clear();
        for (TemplateFacts f : shown) {
            tiles.getChildren().add(tile(f));
        }
        if (shown.isEmpty()) {
            tiles.getChildren().add(new Label("No template is of this family and task; choose All in one of them."));
        }
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
            chosen.set(f);
            tiles.getChildren().forEach(n -> n.getStyleClass().remove("gallery-chosen"));
            tile.getStyleClass().add("gallery-chosen");
            if (e.getClickCount() == 2) {
                setResult(t);
                close();
            }
        });
        if (f.equals(chosen.get())) {
            tile.getStyleClass().add("gallery-chosen");
        }
        return tile;
    }

    /** The family filter, for tests. */
    ComboBox<String> familyFilter() {
        return family;
    }
}
