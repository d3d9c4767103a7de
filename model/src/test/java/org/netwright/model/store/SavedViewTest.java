package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
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
    void eachBlocksViewIsKeptApartFromTheNetworksAndFromTheOtherBlocks() {
        Path file = dir.resolve("b" + ProjectStore.EXTENSION);
        SavedView network = new SavedView(0.5, 800, 300);
        SavedView block = new SavedView(1.5, 120, 60);
        SavedView inner = new SavedView(2, 40, 20);
        List<String> blockPath = List.of("block_1");
        List<String> innerPath = List.of("block_1", "block_2");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveView(Optional.of(network));
            assertEquals(Optional.empty(), store.loadView(blockPath), "a block opened for the first time fits");
            store.saveView(blockPath, Optional.of(block));
            store.saveView(innerPath, Optional.of(inner));
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Optional.of(network), store.loadView());
            assertEquals(Optional.of(network), store.loadView(List.of()), "the network's view is the empty path's");
            assertEquals(Optional.of(block), store.loadView(blockPath));
            assertEquals(Optional.of(inner), store.loadView(innerPath));
            assertEquals(Optional.empty(), store.loadView(List.of("block_2")), "a block's path, not its id alone");
            store.saveView(blockPath, Optional.empty());
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Optional.empty(), store.loadView(blockPath));
            assertEquals(Optional.of(network), store.loadView(), "forgetting a block's view keeps the network's");
            assertEquals(Optional.of(inner), store.loadView(innerPath));
        }
        assertEquals("view", ProjectStore.viewKey(List.of()), "the key older versions read and wrote");
        assertEquals("view:block_1/block_2", ProjectStore.viewKey(innerPath));
    }

    @Test
    void savingAGraphForgetsTheViewsOfBlocksItNoLongerHas() {
        Path file = dir.resolve("g" + ProjectStore.EXTENSION);
        SavedView network = new SavedView(0.5, 800, 300);
        SavedView view = new SavedView(1.5, 120, 60);
        org.netwright.model.graph.Graph inner = org.netwright.model.graph.Graph.of(List.of(
                new org.netwright.model.graph.Node("block_2", "composite", java.util.Map.of(), 0, 0,
                        org.netwright.model.graph.Graph.of(List.of(), List.of()))), List.of());
        org.netwright.model.graph.Graph both = org.netwright.model.graph.Graph.of(List.of(
                new org.netwright.model.graph.Node("block_1", "composite", java.util.Map.of(), 0, 0, inner)), List.of());
        org.netwright.model.graph.Graph none = org.netwright.model.graph.Graph.of(List.of(), List.of());
        assertEquals(java.util.Set.of(List.of("block_1"), List.of("block_1", "block_2")), SavedView.blockPaths(both));
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(both, "two blocks");
            store.saveView(Optional.of(network));
            store.saveView(List.of("block_1"), Optional.of(view));
            store.saveView(List.of("block_1", "block_2"), Optional.of(view));

            store.saveGraph(both, "an edit that keeps them");
            assertEquals(Optional.of(view), store.loadView(List.of("block_1", "block_2")));

            store.saveGraph(none, "the block deleted");
            assertEquals(Optional.empty(), store.loadView(List.of("block_1")), "a new block_1 would fit");
            assertEquals(Optional.empty(), store.loadView(List.of("block_1", "block_2")));
            assertEquals(Optional.of(network), store.loadView(), "the network's view stays");
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
