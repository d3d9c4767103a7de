package org.netwright.templates;

import java.util.Objects;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;

/** A ready-made project: a network and the settings (data recipe included) that train it well. */
public record Template(String id, String title, String description, Graph graph, TrainingSettings settings) {
    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(settings, "settings");
    }
}
