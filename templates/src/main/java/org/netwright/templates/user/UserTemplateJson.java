package org.netwright.templates.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.GraphJson;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.TrainingSettings;

/**
 * A user template as one JSON file: {@code {"format":"netwright-template","version":1,"name","description","tags":[..],
 * "saved":"2026-11-30T00:00:00Z","graph":{netwright-graph},"settings":{netwright-settings}}}.
 */
public final class UserTemplateJson {
    public static final String FORMAT = "netwright-template";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserTemplateJson() {
    }

    public static String write(UserTemplate t) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", t.name());
        root.put("description", t.description());
        ArrayNode tags = root.putArray("tags");
        t.tags().forEach(tags::add);
        root.put("saved", t.saved().toString());
        try {
            root.set("graph", JSON.readTree(GraphJson.write(t.graph())));
            root.set("settings", JSON.readTree(SettingsJson.write(t.settings())));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Our own graph or settings JSON did not parse back.", e);
        }
    }

    /**
     * Reads a template file's text; {@code id} is the template's id (from its file name).
     *
     * @throws UserTemplateException with the reason when the text is not a template this version can read
     */
    public static UserTemplate read(String text, String id) {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new UserTemplateException("it is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new UserTemplateException("it is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new UserTemplateException("it is not a Netwright template (its \"format\" is not \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new UserTemplateException("it is a template of version " + root.path("version")
                    + ", and this Netwright reads version " + VERSION);
        }
        String name = root.path("name").asText("").strip();
        if (name.isEmpty()) {
            throw new UserTemplateException("it has no name");
        }
        if (!root.path("graph").isObject() || !root.path("settings").isObject()) {
            throw new UserTemplateException("it lacks its \"graph\" or its \"settings\"");
        }
        Graph graph;
        TrainingSettings settings;
        try {
            graph = GraphJson.read(root.get("graph").toString());
            settings = SettingsJson.read(root.get("settings").toString());
        } catch (RuntimeException e) {
            throw new UserTemplateException("its network or settings cannot be read: " + e.getMessage());
        }
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(tag -> {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(tag.asText().strip());
            }
        });
        Instant saved;
        try {
            saved = Instant.parse(root.path("saved").asText(""));
        } catch (DateTimeParseException e) {
            // When it was saved only orders the list; a file edited by hand without it is still a template.
            saved = Instant.EPOCH;
        }
        return new UserTemplate(id, name, root.path("description").asText(""), tags, saved, graph, settings);
    }
}
