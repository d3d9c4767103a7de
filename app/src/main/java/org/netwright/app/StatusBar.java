package org.netwright.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.netwright.app.project.ProjectSession;

/** The bottom line of the window: the project file, whether everything is saved, and the editor's last refusal. */
final class StatusBar extends HBox {
    private final Label path = new Label();
    private final Label saved = new Label();
    private final Label message = new Label();

    StatusBar() {
        setId("status-bar");
        getStyleClass().add("status-bar");
        path.setId("status-path");
        path.getStyleClass().add("status-path");
        saved.setId("status-saved");
        saved.getStyleClass().add("status-saved");
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        message.setMinWidth(0);
        path.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.SOMETIMES);
        getChildren().addAll(path, saved, gap, message);
        setSpacing(18);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));
        saved.textProperty().addListener((o, was, now) -> {
            saved.getStyleClass().remove("error");
            if (now != null && !now.isEmpty() && !ProjectSession.SAVED.equals(now)) {
                saved.getStyleClass().add("error");
            }
        });
    }

    /** Shows another project's state; null shows nothing. */
    void show(ProjectSession session) {
        show(session, false);
    }

    /** Shows another project's state; an unsaved one (opened from a template) says so instead of its file. */
    void show(ProjectSession session, boolean draft) {
        path.textProperty().unbind();
        saved.textProperty().unbind();
        message.textProperty().unbind();
        if (session == null) {
            path.setText("");
            saved.setText("");
            message.setText("");
            return;
        }
        path.setText(draft ? "New project, not saved under a name yet (File > Save…)" : session.file().toString());
        // An unsaved project's edits are kept, but "All changes saved" beside "not saved under a name" would confuse.
        saved.textProperty().bind(draft ? javafx.beans.binding.Bindings.createStringBinding(
                () -> ProjectSession.SAVED.equals(session.saveStatusProperty().get()) ? ""
                        : session.saveStatusProperty().get(), session.saveStatusProperty())
                : session.saveStatusProperty());
        message.textProperty().bind(session.editor().messageProperty());
    }
}
