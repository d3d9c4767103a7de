package org.netwright.app.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.netwright.templates.TemplateLibrary;

class GalleryViewModelTest {
    private static final List<TemplateFacts> BUILT_IN = TemplateLibrary.all().stream().map(TemplateFacts::of).toList();

    private static GalleryViewModel gallery() {
        return new GalleryViewModel(BUILT_IN, List.of());
    }

    /** A user's template of its own family and task (the template itself does not matter to the filters). */
    private static TemplateFacts mine(String family, String task) {
        return new TemplateFacts(BUILT_IN.get(0).template(), family, task, "Your own data", 0, 0, "mine");
    }

    @Test
    void choosingGanOffersOnlyTheTasksOfGanTemplates() {
        GalleryViewModel g = gallery();
        g.familyProperty().set("GAN");
        assertEquals(List.of("All", "Generation"), g.tasks());
    }

    @Test
    void everyFamilyOffersExactlyTheTasksOfItsTemplates() {
        GalleryViewModel g = gallery();
        for (String family : g.families().subList(1, g.families().size())) {
            g.familyProperty().set(family);
            List<String> expected = new ArrayList<>(List.of("All"));
            expected.addAll(new TreeSet<>(BUILT_IN.stream().filter(f -> f.family().equals(family))
                    .map(TemplateFacts::task).toList()));
            assertEquals(expected, g.tasks(), family);
        }
    }

    @Test
    void familyAllOffersEveryTask() {
        GalleryViewModel g = gallery();
        g.familyProperty().set("GAN");
        g.familyProperty().set("All");
        assertEquals(1 + new TreeSet<>(BUILT_IN.stream().map(TemplateFacts::task).toList()).size(), g.tasks().size());
        assertEquals("All", g.tasks().get(0));
    }

    /** The Task box is sized for these: they stay every task, with a user's own, whichever family is chosen. */
    @Test
    void everyTaskStaysEveryTaskWhateverTheFamily() {
        GalleryViewModel g = gallery();
        List<String> all = List.copyOf(g.tasks());
        g.familyProperty().set("GAN");
        assertEquals(List.of("All", "Generation"), g.tasks());
        assertEquals(all, g.everyTask());
        g.setMine(List.of(mine("Mine", "Ranking")));
        assertTrue(g.everyTask().contains("Ranking"), "a user's own task counts too");
    }

    @Test
    void aChosenTaskTheNewFamilyHasIsKept() {
        GalleryViewModel g = gallery();
        g.taskProperty().set("Classification");
        g.familyProperty().set("CNN");
        assertEquals("Classification", g.taskProperty().get());
        assertFalse(g.shownProperty().get().builtIn().isEmpty());
        assertTrue(g.shownProperty().get().builtIn().stream()
                .allMatch(f -> f.family().equals("CNN") && f.task().equals("Classification")));
    }

    @Test
    void aChosenTaskTheNewFamilyLacksGoesBackToAllAndShowsTheWholeFamily() {
        GalleryViewModel g = gallery();
        g.taskProperty().set("Classification");
        g.familyProperty().set("GAN");
        assertEquals("All", g.taskProperty().get());
        assertEquals(BUILT_IN.stream().filter(f -> f.family().equals("GAN")).toList(),
                g.shownProperty().get().builtIn());
    }

    @Test
    void aFamilyChangeFiltersOnceWithTheTaskAlreadyReset() {
        GalleryViewModel g = gallery();
        g.taskProperty().set("Classification");
        List<GalleryViewModel.Shown> seen = new ArrayList<>();
        g.shownProperty().addListener((o, was, now) -> seen.add(now));
        g.familyProperty().set("GAN");
        assertEquals(1, seen.size(), "one new filtering, not one with GAN x Classification (empty) first");
        assertFalse(seen.get(0).builtIn().isEmpty());
    }

    @Test
    void theChosenTemplateIsForgottenWhenTheFiltersHideIt() {
        GalleryViewModel g = gallery();
        TemplateFacts lenet = BUILT_IN.stream().filter(f -> f.template().id().equals("lenet5")).findFirst()
                .orElseThrow();
        g.chosenProperty().set(lenet);
        g.familyProperty().set("CNN");
        assertEquals(lenet, g.chosenProperty().get());
        g.familyProperty().set("GAN");
        assertNull(g.chosenProperty().get());
    }

    @Test
    void theUsersTemplatesAddTheirFamilyAndTask() {
        GalleryViewModel g = new GalleryViewModel(BUILT_IN, List.of(mine("Mine", "Ranking")));
        assertTrue(g.families().contains("Mine"));
        g.familyProperty().set("Mine");
        assertEquals(List.of("All", "Ranking"), g.tasks());
        assertEquals(List.of(), g.shownProperty().get().builtIn());
        assertEquals(1, g.shownProperty().get().mine().size());
    }

    @Test
    void removingTheLastTemplateOfTheChosenFamilyGoesBackToAll() {
        GalleryViewModel g = new GalleryViewModel(BUILT_IN, List.of(mine("Mine", "Ranking")));
        g.familyProperty().set("Mine");
        g.taskProperty().set("Ranking");
        g.setMine(List.of());
        assertEquals("All", g.familyProperty().get());
        assertEquals("All", g.taskProperty().get());
        assertFalse(g.families().contains("Mine"));
        assertFalse(g.tasks().contains("Ranking"));
        assertEquals(BUILT_IN, g.shownProperty().get().builtIn());
        assertTrue(g.noneOfMine().startsWith("None yet"), g.noneOfMine());
    }

    @Test
    void aClearedFilterMeansAll() {
        GalleryViewModel g = gallery();
        g.familyProperty().set("GAN");
        g.familyProperty().set(null);
        assertEquals("All", g.familyProperty().get());
        assertEquals(BUILT_IN, g.shownProperty().get().builtIn());
    }
}
