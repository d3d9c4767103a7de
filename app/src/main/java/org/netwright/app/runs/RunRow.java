package org.netwright.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netwright.model.store.RunRecord;

/** One run as the Runs window lists it: words and numbers made once from its stored record. */
public record RunRow(long id, String status, String started, String duration, String device, String result,
                     String settings) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** The row of {@code run}, its times shown in {@code zone}. */
    public static RunRow of(RunRecord run, ZoneId zone) {
        return new RunRow(run.id(), run.status(), when(run.startedAt(), zone), duration(run.startedAt(), run.endedAt()),
                run.device(), result(run.finalJson()), settings(run.settingsJson()));
    }

    private static String when(String at, ZoneId zone) {
        try {
            return WHEN.format(Instant.parse(at).atZone(zone));
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    /** "1 min 05 s", or empty while a run has no end. */
    static String duration(String start, String end) {
        try {
            Duration d = Duration.between(Instant.parse(start), Instant.parse(end));
            long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
            return s < 60 ? s + " s" : s / 60 + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s";
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    /** The test metrics (else the validation ones) of a finished run, e.g. {@code test_accuracy 0.925}. */
    static String result(String finalJson) {
        JsonNode f = read(finalJson);
        List<String> parts = new ArrayList<>();
        for (String prefix : List.of("test_", "val_")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith(prefix) && e.getValue().isNumber()) {
                    parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%.4g", e.getValue().asDouble()));
                }
            }
            if (!parts.isEmpty()) {
                break;
            }
        }
        return String.join(", ", parts);
    }

    /** The settings a user changes most, e.g. {@code 20 epochs, batch 32, lr 0.01, adam}. */
    static String settings(String settingsJson) {
        JsonNode s = read(settingsJson);
        return s.path("epochs").asInt() + " epochs, batch " + s.path("batch_size").asInt() + ", lr "
                + s.path("learning_rate").asDouble() + ", " + s.path("optimizer").asText();
    }

    private static JsonNode read(String json) {
        try {
            return json == null || json.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(json);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }
}
