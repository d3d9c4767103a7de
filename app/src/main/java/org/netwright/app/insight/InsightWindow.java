package org.netwright.app.insight;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The insight view in a window of its own, over a project's latest trained run (or a given one). */
public final class InsightWindow {
    private InsightWindow() {
    }

    /** Opens the window on the views that apply to the run and starts filling the first of them. */
    public static Stage open(Window owner, Path project, Long run) {
        InsightViewModel model = InsightViewModel.forApp(project, run);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Inside " + project.getFileName() + (run == null ? "" : " — run " + run));
        stage.setScene(new Scene(new InsightView(model), 1120, 720));
        stage.show();
        model.open();
        return stage;
    }
}
