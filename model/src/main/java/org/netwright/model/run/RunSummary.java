package org.netwright.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.netwright.model.store.RunRecord;

/**
 * A stored run as the runs list shows it: id, status ({@code completed}, {@code stopped}, {@code failed},
 * {@code interrupted} or {@code running}), device, when it started, its duration in seconds (up to now while it
 * runs; null when the times cannot be read), its settings and its final results (or why it failed) as JSON.
 */
public record RunSummary(long id, String status, String device, String startedAt, Double durationSeconds,
                         JsonNode settings, JsonNode finalValues) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The summary of a stored run, its duration measured to {@code now} while it has not ended. */
    public static RunSummary of(RunRecord run, Instant now) {
        return new RunSummary(run.id(), run.status(), run.device(), run.startedAt(), duration(run, now),
                tree(run.settingsJson()), tree(run.finalJson()));
    }

    private static Double duration(RunRecord run, Instant now) {
        try {
            Instant start = Instant.parse(run.startedAt());
            Instant end = run.endedAt() == null ? now : Instant.parse(run.endedAt());
            return Duration.between(start, end).toMillis() / 1000.0;
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** Stored JSON as a tree; an empty object for none, and the text itself for anything that does not parse. */
    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(json);
        }
    }

    /** A final metric by its JSON name ({@code val_loss}, {@code test_accuracy}, ...), null when not there. */
    public Double metric(String name) {
        JsonNode v = finalValues.get(name);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** The entry of {@code runs --json}: id, status, device, started_at, duration_seconds, settings, final. */
    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", id);
        o.put("status", status);
        o.put("device", device);
        o.put("started_at", startedAt);
        if (durationSeconds == null) {
            o.putNull("duration_seconds");
        } else {
            o.put("duration_seconds", durationSeconds);
        }
        o.set("settings", settings);
        o.set("final", finalValues);
        return o;
    }
}
