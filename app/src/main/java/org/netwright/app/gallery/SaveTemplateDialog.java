package org.netwright.app.gallery;

import java.util.Arrays;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.user.UserTemplate;
import org.netwright.templates.user.UserTemplateException;
import org.netwright.templates.user.UserTemplateLibrary;

/**
 * File > Save as Template…: asks for a name, a description and tags, then keeps the open network with its data recipe
 * and settings in the user's library. A refused name is said under the fields and the dialog stays open; the result
 * is the saved template.
 */
public final class SaveTemplateDialog extends Dialog<UserTemplate> {
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final TextField tags = new TextField();
    private final Label problem = new Label();
    private UserTemplate saved;

    public SaveTemplateDialog(Window owner, UserTemplateLibrary library, String suggestedName, Graph graph,
                              TrainingSettings settings) {
        initOwner(owner);
        setTitle("Save as template");
        setHeaderText("Keep this network, its data recipe and its settings as a template of your own.\n"
                + "It appears under \u201cMy templates\u201d in File > New from Template.");
        name.setId("template-name");
        name.setText(suggestedName == null ? "" : suggestedName);
        name.setPrefColumnCount(32);
        description.setId("template-description");
        description.setPromptText("What it is for, e.g. \u201cmy CNN for 64\u00d764 leaf photos\u201d");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        // Tab leaves the description for the next field, as in the others, instead of staying in the text.
        description.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
                (e.isShiftDown() ? name : tags).requestFocus();
                e.consume();
            }
        });
        tags.setId("template-tags");
        tags.setPromptText("Comma-separated, e.g. vision, small");
        problem.setId("template-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b71c1c;");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.setPadding(new Insets(10));
        form.addRow(0, fieldName("Name"), name);
        form.addRow(1, fieldName("Description"), description);
        form.addRow(2, fieldName("Tags"), tags);
        form.add(new Label("Saved in " + library.folder()), 1, 3);
        form.add(problem, 1, 4);
        getDialogPane().setContent(form);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        // A refusal keeps the dialog open with the reason, so nothing typed is lost.
        getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                saved = library.save(name.getText(), description.getText(), tags(tags.getText()), graph, settings);
            } catch (UserTemplateException refused) {
                problem.setText(refused.getMessage());
                e.consume();
            }
        });
        // The message answers the name it was about; typing another one makes it stale.
        name.textProperty().addListener((o, was, now) -> problem.setText(""));
        setResultConverter(b -> b == save ? saved : null);
        // After the dialog has given its default button the focus: the name is what the user types first.
        setOnShown(e -> javafx.application.Platform.runLater(() -> {
            name.requestFocus();
            name.end();
        }));
    }

    /** A field's name, never shortened: squeezed by the fields, "Description" showed as "Desc…". */
    private static Label fieldName(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** What the app says once {@code saved} is written to {@code file}: where it is and where to find it again. */
    public static String savedMessage(UserTemplate saved, java.nio.file.Path file) {
        return "\u201c" + saved.name() + "\u201d is saved in " + file + ".\nYou find it under \u201cMy templates\u201d in "
                + "File > New from Template\u2026, where it opens as a new project.";
    }

    /** "vision, small ,," -> [vision, small]. */
    static List<String> tags(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
