package org.netwright.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netwright.model.task.InputBinding;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;

/**
 * A {@link Task} as JSON: {@code {"recipe":"plain","inputs":[{"node":"in","field":"image"}],
 * "objectives":[{"output":"out","loss":"cross_entropy","target":"label","weight":1.0}],"metrics":["accuracy"],
 * "options":{}}}. Stored in settings and runs, printed by {@code train --explain-task --json}, and read from
 * {@code train --task FILE.json}.
 */
public final class TaskJson {
    private TaskJson() {
    }

    /** The task as a JSON object. */
    public static ObjectNode toJson(Task task) {
        ObjectNode o = JsonText.MAPPER.createObjectNode();
        o.put("recipe", task.recipe());
        ArrayNode inputs = o.putArray("inputs");
        for (InputBinding b : task.inputs()) {
            inputs.addObject().put("node", b.node()).put("field", b.field());
        }
        ArrayNode objectives = o.putArray("objectives");
        for (Objective ob : task.objectives()) {
            objectives.addObject().put("output", ob.output()).put("loss", ob.loss()).put("target", ob.target())
                    .put("weight", ob.weight());
        }
        ArrayNode metrics = o.putArray("metrics");
        task.metrics().forEach(metrics::add);
        ObjectNode options = o.putObject("options");
        task.options().forEach(options::put);
        return o;
    }

    /** The task as one line of JSON text. */
    public static String write(Task task) {
        return toJson(task).toString();
    }

    /** Parses task JSON text; throws {@link SettingsFormatException} saying what is wrong and where. */
    public static Task read(String text) {
        try {
            return fromJson(JsonText.parse(text == null ? "" : text));
        } catch (JsonProcessingException e) {
            throw new SettingsFormatException("This is not a Netwright task: it is not valid JSON ("
                    + JsonText.describe(e) + ").", e);
        }
    }

    /** Reads a task from a JSON object. */
    public static Task fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new SettingsFormatException("A task should be a JSON object but is " + JsonText.kind(o) + ".");
        }
        List<InputBinding> inputs = new ArrayList<>();
        for (JsonNode b : array(o, "inputs")) {
            inputs.add(new InputBinding(text(b, "node", "inputs"), text(b, "field", "inputs")));
        }
        List<Objective> objectives = new ArrayList<>();
        for (JsonNode b : array(o, "objectives")) {
            JsonNode w = b.path("weight");
            double weight = w.isMissingNode() ? 1.0 : w.asDouble(Double.NaN);
            try {
                objectives.add(new Objective(text(b, "output", "objectives"), text(b, "loss", "objectives"),
                        text(b, "target", "objectives"), weight));
            } catch (IllegalArgumentException e) {
                throw new SettingsFormatException("The task's objective for '" + b.path("output").asText() + "': "
                        + e.getMessage(), e);
            }
        }
        List<String> metrics = new ArrayList<>();
        for (JsonNode m : array(o, "metrics")) {
            if (!m.isTextual()) {
                throw new SettingsFormatException("The task's \"metrics\" should hold names but holds "
                        + JsonText.kind(m) + ".");
            }
            metrics.add(m.textValue());
        }
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode opts = o.path("options");
        if (opts.isObject()) {
            opts.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode recipe = o.path("recipe");
        return new Task(recipe.isTextual() ? recipe.textValue() : Task.PLAIN, inputs, objectives, metrics, options);
    }

    private static Iterable<JsonNode> array(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new SettingsFormatException("The task's \"" + field + "\" should be a list but is "
                    + JsonText.kind(v) + ".");
        }
        return v;
    }

    private static String text(JsonNode o, String field, String where) {
        JsonNode v = o.path(field);
        if (!v.isTextual()) {
            throw new SettingsFormatException("Each of the task's \"" + where + "\" needs a text \"" + field
                    + "\"; one has " + JsonText.kind(v) + ".");
        }
        return v.textValue();
    }
}
