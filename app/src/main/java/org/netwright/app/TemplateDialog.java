package org.netwright.app;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** File > New from template: lists the built-in templates with their descriptions and returns the chosen one. */
final class TemplateDialog extends Dialog<Template> {
    TemplateDialog(Window owner) {
        initOwner(owner);
        setTitle("New from template");
        setHeaderText("Start a new project from a ready-made network and its data.");
        ListView<Template> list = new ListView<>();
        list.setId("template-list");
        list.getItems().setAll(TemplateLibrary.all());
        list.setCellFactory(v -> new TemplateCell());
        list.setPrefSize(520, 220);
        list.getSelectionModel().selectFirst();

        ButtonType create = new ButtonType("Choose where to save…", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        getDialogPane().setContent(new VBox(8, list));
        getDialogPane().lookupButton(create).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        setResultConverter(b -> b == create ? list.getSelectionModel().getSelectedItem() : null);
    }

    /** A template's title in bold over its one-line description. */
    private static final class TemplateCell extends ListCell<Template> {
        @Override
        protected void updateItem(Template t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(t.title());
            title.getStyleClass().add("template-title");
            Label description = new Label(t.description());
            description.setWrapText(true);
            description.setMaxWidth(480);
            setGraphic(new VBox(2, title, description));
        }
    }
}
