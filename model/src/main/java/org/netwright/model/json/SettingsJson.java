package org.netwright.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;

/**
 * Reads and writes {@link TrainingSettings} with their {@link DataRecipe} as
 * {@code {"format":"netwright-settings","version":1,"epochs":..,"data":{"kind":..,"options":{..}}}}.
 * Out-of-range values are read as they are ({@link TrainingSettings#problems()} reports them); only text
 * that is not such settings is refused, with a {@link SettingsFormatException}. Data options come back as
 * JSON types: whole numbers as Integer when they fit, else Long; other numbers as Double.
 */
public final class SettingsJson {
    public static final String FORMAT = "netwright-settings";
    public static final int VERSION = 1;

    private SettingsJson() {
    }

    /** The settings as pretty JSON text ending in a newline. */
    public static String write(TrainingSettings s) {
        ObjectNode root = JsonText.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("epochs", s.epochs());
        root.put("batch_size", s.batchSize());
        root.put("learning_rate", s.learningRate());
        root.put("optimizer", s.optimizer());
        root.put("loss", s.loss());
        root.put("seed", s.seed());
        root.put("validation_split", s.validationSplit());
        root.put("test_split", s.testSplit());
        if (s.data() == null) {
            root.putNull("data");
        } else {
            ObjectNode data = root.putObject("data");
            data.put("kind", s.data().kind());
            JsonText.put(data, "options", s.data().options());
        }
        if (!s.options().equals(TrainingOptions.DEFAULTS)) {
            root.set("options", options(s.options()));
        }
        if (s.task() != null) {
            root.set("task", TaskJson.toJson(s.task()));
        }
        return JsonText.pretty(root);
    }

    /** Parses settings JSON; throws {@link SettingsFormatException} saying what is wrong and where. */
    public static TrainingSettings read(String text) {
        JsonNode root;
        try {
            root = JsonText.parse(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new SettingsFormatException("These are not Netwright training settings: they are not valid JSON ("
                    + JsonText.describe(e) + ").", e);
        }
        if (root == null || !root.isObject()) {
            throw new SettingsFormatException("These are not Netwright training settings: they should be a JSON "
                    + "object but are " + JsonText.kind(root) + ".");
        }
        JsonNode format = root.path("format");
        if (!FORMAT.equals(format.textValue())) {
            throw new SettingsFormatException("These are not Netwright training settings: their \"format\" is "
                    + JsonText.kind(format) + ", not \"" + FORMAT + "\".");
        }
        long version = whole(root, "version");
        if (version > VERSION) {
            throw new SettingsFormatException("These settings were made by a newer Netwright (settings format version "
                    + version + "); this version reads up to " + VERSION + ".");
        }
        if (version < 1) {
            throw new SettingsFormatException("The settings' \"version\" is " + version + ", but versions start at 1.");
        }
        return new TrainingSettings(
                Math.toIntExact(whole(root, "epochs")),
                Math.toIntExact(whole(root, "batch_size")),
                real(root, "learning_rate"),
                text(root, "optimizer"),
                text(root, "loss"),
                whole(root, "seed"),
                real(root, "validation_split"),
                real(root, "test_split"),
                data(root.path("data")),
                options(root.path("options")),
                root.path("task").isObject() ? TaskJson.fromJson(root.path("task")) : null);
    }

    private static ObjectNode options(TrainingOptions o) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("momentum", o.momentum());
        n.put("beta1", o.beta1());
        n.put("beta2", o.beta2());
        n.put("epsilon", o.epsilon());
        n.put("weight_decay", o.weightDecay());
        n.put("l1", o.l1());
        n.put("schedule", o.schedule());
        n.put("clip_norm", o.clipNorm());
        n.put("clip_value", o.clipValue());
        n.put("patience", o.patience());
        n.put("monitor", o.monitor());
        n.put("restore_best", o.restoreBest());
        n.put("initializer", o.initializer());
        n.put("device", o.device());
        return n;
    }

    /** The finer options; any that is missing keeps its default, so older files read as before. */
    private static TrainingOptions options(JsonNode n) {
        TrainingOptions d = TrainingOptions.DEFAULTS;
        if (!n.isObject()) {
            return d;
        }
        return new TrainingOptions(optReal(n, "momentum", d.momentum()), optReal(n, "beta1", d.beta1()),
                optReal(n, "beta2", d.beta2()), optReal(n, "epsilon", d.epsilon()),
                optReal(n, "weight_decay", d.weightDecay()), optReal(n, "l1", d.l1()),
                n.path("schedule").asText(d.schedule()), optReal(n, "clip_norm", d.clipNorm()),
                optReal(n, "clip_value", d.clipValue()), n.path("patience").asInt(d.patience()),
                n.path("monitor").asText(d.monitor()), n.path("restore_best").asBoolean(d.restoreBest()),
                n.path("initializer").asText(d.initializer()), n.path("device").asText(d.device()));
    }

    private static double optReal(JsonNode o, String field, double fallback) {
        JsonNode v = o.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        return real(o, field);
    }

    private static DataRecipe data(JsonNode data) {
        if (data.isNull()) {
            return null;
        }
        if (!data.isObject()) {
            throw new SettingsFormatException("The settings' \"data\" should be an object but is "
                    + JsonText.kind(data) + ".");
        }
        String kind = text(data, "kind");
        JsonNode options = data.path("options");
        if (options.isMissingNode() || options.isNull()) {
            return new DataRecipe(kind, Map.of());
        }
        if (!options.isObject()) {
            throw new SettingsFormatException("The settings' data \"options\" should be an object but are "
                    + JsonText.kind(options) + ".");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) JsonText.toJava(options);
        return new DataRecipe(kind, new LinkedHashMap<>(values));
    }

    private static long whole(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new SettingsFormatException("The settings' \"" + field + "\" should be a whole number but is "
                    + JsonText.kind(v) + ".");
        }
        if (!"seed".equals(field) && !v.canConvertToInt()) {
            throw new SettingsFormatException("The settings' \"" + field + "\" is " + v.asText()
                    + ", which is far too large.");
        }
        return v.longValue();
    }

    private static double real(JsonNode o, String field) {
        JsonNode v = o.path(field);
        Double d = JsonText.real(v);
        if (d == null) {
            throw new SettingsFormatException("The settings' \"" + field + "\" should be a number but is "
                    + JsonText.kind(v) + ".");
        }
        return d;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (!v.isTextual()) {
            throw new SettingsFormatException("The settings' \"" + field + "\" should be text but is "
                    + JsonText.kind(v) + ".");
        }
        return v.textValue();
    }
}
