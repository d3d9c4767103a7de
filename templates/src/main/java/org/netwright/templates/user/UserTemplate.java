package org.netwright.templates.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;

/**
 * One template the user saved: its name, description and tags, when it was saved, and the network with the settings
 * (data recipe included) it was saved with. {@code id} comes from its file's name and starts with {@link #ID_PREFIX}.
 */
public record UserTemplate(String id, String name, String description, List<String> tags, Instant saved, Graph graph,
                           TrainingSettings settings) {
    /** What every user template's id starts with, so it never equals a built-in template's. */
    public static final String ID_PREFIX = "my-";

    public UserTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(settings, "settings");
        description = description == null ? "" : description;
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** Whether a template id names a user template (a built-in id never starts with {@link #ID_PREFIX}). */
    public static boolean isUser(String templateId) {
        return templateId != null && templateId.startsWith(ID_PREFIX);
    }

    /** The same as a {@link Template}, which opens as a new project like a built-in one. */
    public Template toTemplate() {
        return new Template(id, name, description, graph, settings);
    }
}
