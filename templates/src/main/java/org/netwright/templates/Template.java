package org.netwright.templates;

import java.util.Map;
import java.util.Objects;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

/** A ready-made project: a network and the settings (data recipe included) that train it well. */
public record Template(String id, String title, String description, Graph graph, TrainingSettings settings) {
    /** The recipe option that says, in words, what data a template without data of its own expects. */
    public static final String EXPECTS = "expects";

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * A file recipe with no file yet, for reference architectures whose data no generator can make:
     * {@code expects} says what the user must bring, e.g. "3×224×224 colour images in 1000 classes".
     */
    public static DataRecipe userData(String kind, String expects) {
        return new DataRecipe(kind, Map.of(EXPECTS, expects));
    }

    /** Whether the recipe still waits for the user's file (a file kind without a {@code path}). */
    public static boolean needsUserData(DataRecipe recipe) {
        return recipe != null && !"generator".equals(recipe.kind()) && !recipe.options().containsKey("path");
    }

    /** Whether this template trains as it is, without data the user brings. */
    public boolean hasOwnData() {
        return !needsUserData(settings.data());
    }
}
