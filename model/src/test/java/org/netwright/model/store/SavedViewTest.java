package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canvas view left by hand is kept in the project table; a project without one (or a damaged one) fits. */
class SavedViewTest {
    @TempDir
    Path dir;

    @Test
    void aViewIsKeptReadBackAndForgottenAndAProjectWithoutOneHasNone() {
        Path file = dir.resolve("p" + ProjectStore.EXTENSION);
        SavedView view = new SavedView(0.5, 812.25, -40.0);
        try (ProjectStore store = ProjectStore.create(file)) {
            assertEquals(Optional.empty(), store.loadView(), "a new project fits");
            store.saveView(Optional.of(view));
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Optional.of(view), store.loadView());
            store.saveView(Optional.empty());
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Optional.empty(), store.loadView());
        }
    }

    @Test
    void textThatIsNotAViewReadsAsNone() {
        assertEquals(Optional.of(new SavedView(1.25, 3, 4)), SavedView.parse(new SavedView(1.25, 3, 4).text()));
        for (String bad : new String[] {null, "", "1 2", "0 1 2", "-1 1 2", "NaN 1 2", "1 Infinity 2", "a b c",
                "1 2 3 4"}) {
            assertEquals(Optional.empty(), SavedView.parse(bad), String.valueOf(bad));
        }
    }
}
