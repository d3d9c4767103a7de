package org.netwright.app.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the runner's {@code --events} lines (one JSON object each) into {@link RunEvent}s. */
public final class RunEventParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunEventParser() {
    }

    /**
     * The event on one stdout line, or nothing for a line that is not an event: libraries may
     * print to stdout too, and one stray line must not end the run's reporting.
     */
    public static Optional<RunEvent> parse(String line) {
        if (line == null || !line.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (n.path("type").asText()) {
            case "started" -> new RunEvent.Started(n.path("run_id").asLong(), n.path("device").asText("cpu"),
                    n.path("epochs").asInt(), n.path("steps_per_epoch").asInt());
            case "step" -> new RunEvent.Step(n.path("step").asLong(), n.path("epoch").asInt(),
                    number(n, "train_loss"), number(n, "lr"), number(n, "seconds"));
            case "epoch" -> new RunEvent.Epoch(n.path("epoch").asInt(), number(n, "train_loss"),
                    number(n, "val_loss"), metrics(n), number(n, "lr"), number(n, "seconds"));
            case "samples" -> samples(n);
            case "finished" -> new RunEvent.Finished(n.path("status").asText("completed"), values(n.path("final")));
            case "failed" -> new RunEvent.Failed(n.path("message").asText("The run failed without a reason."));
            default -> null;
        });
    }

    /** A grid of samples, or null (no event) when its numbers do not add up to rows × cols samples of its shape. */
    private static RunEvent.Samples samples(JsonNode n) {
        JsonNode shape = n.path("sample_shape");
        JsonNode values = n.path("values");
        int rows = n.path("rows").asInt();
        int cols = n.path("cols").asInt();
        if (!shape.isArray() || !values.isArray() || rows < 1 || cols < 1) {
            return null;
        }
        int[] dims = new int[shape.size()];
        long size = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).asInt();
            size *= Math.max(0, dims[i]);
        }
        if (size == 0 || values.size() != rows * cols * size) {
            return null;
        }
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) values.get(i).asDouble();
        }
        return new RunEvent.Samples(n.path("epoch").asInt(), rows, cols, dims, v);
    }

    /** Every number of an epoch line beyond the fixed ones: the task's metrics and loss parts, in line order. */
    private static java.util.Map<String, Double> metrics(JsonNode n) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> fixed = java.util.Set.of("type", "epoch", "train_loss", "val_loss", "lr", "seconds",
                "epoch_seconds");
        n.fields().forEachRemaining(e -> {
            if (!fixed.contains(e.getKey()) && e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static Map<String, Object> values(JsonNode n) {
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(e.getKey(), v.asDouble());
            } else if (!v.isNull() && v.isValueNode()) {
                out.put(e.getKey(), v.asText());
            }
        });
        return out;
    }
}
