package org.netwright.model.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one JSON form of run events: the runner writes one object per line ({@code train --events}), the app and
 * {@code sweep} read them back with {@link #parse}. Unmeasured numbers (null, NaN) are left out and read back as
 * unmeasured. See ARCHITECTURE.md for the lines.
 */
public final class RunEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Epoch fields that are not the task's metrics. */
    private static final Set<String> EPOCH_FIXED = Set.of("type", "epoch", "train_loss", "val_loss", "lr", "seconds",
            "epoch_seconds", "grad_norms", "dead_relu", "warnings", "activations");
    /** Final fields that are not metric values. */
    private static final Set<String> FINAL_FIXED = Set.of("train_loss", "weights", "device", "epochs", "steps",
            "status");

    private RunEventJson() {
    }

    /** The event as one line of JSON with its {@code type}. */
    public static String line(RunEvent event) {
        if (event instanceof RunEvent.Step e && Double.isFinite(e.trainLoss()) && Double.isFinite(e.lr())) {
            // The one event of every step: written without a JSON tree, in the same text Jackson gives.
            StringBuilder b = new StringBuilder(128).append("{\"type\":\"step\",\"step\":").append(e.step())
                    .append(",\"epoch\":").append(e.epoch()).append(",\"train_loss\":").append(e.trainLoss())
                    .append(",\"lr\":").append(e.lr()).append(",\"seconds\":").append(e.seconds());
            if (Double.isFinite(e.stepsPerSecond())) {
                b.append(",\"steps_per_second\":").append(e.stepsPerSecond());
            }
            if (Double.isFinite(e.etaSeconds())) {
                b.append(",\"eta_seconds\":").append(e.etaSeconds());
            }
            return b.append('}').toString();
        }
        return toJson(event).toString();
    }

    /** The event as a JSON object with its {@code type}. */
    public static ObjectNode toJson(RunEvent event) {
        ObjectNode o = MAPPER.createObjectNode();
        if (event instanceof RunEvent.Started e) {
            o.put("type", "started");
            o.put("run_id", e.runId());
            o.put("device", e.device());
            o.put("epochs", e.epochs());
            o.put("steps_per_epoch", e.stepsPerEpoch());
            if (!e.note().isEmpty()) {
                o.put("note", e.note());
            }
        } else if (event instanceof RunEvent.Step e) {
            o.put("type", "step");
            o.put("step", e.step());
            o.put("epoch", e.epoch());
            putIfMeasured(o, "train_loss", e.trainLoss());
            putIfMeasured(o, "lr", e.lr());
            putIfMeasured(o, "seconds", e.seconds());
            putIfMeasured(o, "steps_per_second", e.stepsPerSecond());
            putIfMeasured(o, "eta_seconds", e.etaSeconds());
        } else if (event instanceof RunEvent.Epoch e) {
            o.put("type", "epoch");
            o.setAll(epochFields(e));
        } else if (event instanceof RunEvent.Samples e) {
            o.put("type", "samples");
            o.put("epoch", e.epoch());
            o.put("rows", e.rows());
            o.put("cols", e.cols());
            ArrayNode shape = o.putArray("sample_shape");
            for (int d : e.sampleShape()) {
                shape.add(d);
            }
            ArrayNode values = o.putArray("values");
            for (float v : e.values()) {
                // Four decimals are finer than a screen's grey levels and keep the line short.
                values.add(Float.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0.0);
            }
        } else if (event instanceof RunEvent.Finished e) {
            o.put("type", "finished");
            o.put("status", e.status());
            o.set("final", finalFields(e.metrics()));
        } else if (event instanceof RunEvent.Failed e) {
            o.put("type", "failed");
            o.put("message", e.message());
            if (e.node() != null) {
                o.put("node", e.node());
            }
        } else if (event instanceof RunEvent.Crashed e) {
            o.put("type", "crashed");
            o.put("exit_code", e.exitCode());
            o.put("last_error_line", e.lastErrorLine());
        }
        return o;
    }

    /**
     * An epoch without the {@code type}, the line {@code train --json} prints per epoch: its numbers, the task's
     * metrics, {@code grad_norms} and {@code dead_relu} (node id to value), {@code activations} (node id to
     * {@code mean}, {@code std}, {@code zeros}; left out when not measured) and {@code warnings} (each with
     * {@code kind}, {@code node}, {@code message}).
     */
    public static ObjectNode epochFields(RunEvent.Epoch e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("epoch", e.epoch());
        putIfMeasured(o, "train_loss", e.trainLoss());
        putIfMeasured(o, "val_loss", e.valLoss());
        e.metrics().forEach((k, v) -> putIfMeasured(o, k, v));
        putIfMeasured(o, "lr", e.lr());
        putIfMeasured(o, "seconds", e.seconds());
        putIfMeasured(o, "epoch_seconds", e.epochSeconds());
        ObjectNode norms = o.putObject("grad_norms");
        e.gradNorms().forEach((k, v) -> putIfMeasured(norms, k, v));
        if (!e.deadRelu().isEmpty()) {
            ObjectNode dead = o.putObject("dead_relu");
            e.deadRelu().forEach((k, v) -> putIfMeasured(dead, k, v));
        }
        if (!e.activations().isEmpty()) {
            ObjectNode layers = o.putObject("activations");
            e.activations().forEach((k, v) -> {
                ObjectNode layer = layers.putObject(k);
                putIfMeasured(layer, "mean", v.mean());
                putIfMeasured(layer, "std", v.std());
                putIfMeasured(layer, "zeros", v.zeros());
            });
        }
        ArrayNode warnings = o.putArray("warnings");
        for (RunWarning w : e.warnings()) {
            ObjectNode j = warnings.addObject();
            j.put("kind", w.kind());
            if (w.node() == null) {
                j.putNull("node");
            } else {
                j.put("node", w.node());
            }
            j.put("message", w.message());
        }
        return o;
    }

    /** The final metrics as an object (the value of {@code "final"}). */
    public static ObjectNode finalFields(FinalMetrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        putIfMeasured(o, "train_loss", m.trainLoss());
        m.values().forEach((k, v) -> putIfMeasured(o, k, v));
        o.put("weights", m.weights());
        o.put("device", m.device());
        o.put("epochs", m.epochs());
        o.put("steps", m.steps());
        return o;
    }

    private static void putIfMeasured(ObjectNode o, String key, Double value) {
        if (value != null && Double.isFinite(value)) {
            o.put(key, value);
        }
    }

    /**
     * The event on one line, or nothing for a line that is not an event: libraries may print to stdout too, and
     * one stray line must not end a reader's reporting.
     */
    public static Optional<RunEvent> parse(String line) {
        if (line == null || !line.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (n == null || !n.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(event(n));
        } catch (IllegalArgumentException e) {
            // A grid whose numbers do not add up, say: not an event we can show.
            return Optional.empty();
        }
    }

    private static RunEvent event(JsonNode n) {
        return switch (n.path("type").asText()) {
            case "started" -> new RunEvent.Started(n.path("run_id").asLong(), n.path("device").asText("cpu"),
                    n.path("epochs").asInt(), n.path("steps_per_epoch").asInt(), n.path("note").asText(""));
            case "step" -> new RunEvent.Step(n.path("step").asLong(), n.path("epoch").asInt(), number(n, "train_loss"),
                    number(n, "lr"), number(n, "seconds"), number(n, "steps_per_second"), number(n, "eta_seconds"));
            case "epoch" -> epoch(n);
            case "samples" -> samples(n);
            case "finished" -> new RunEvent.Finished(n.path("status").asText(RunEvent.Finished.COMPLETED),
                    finalMetrics(n.path("final")));
            case "failed" -> new RunEvent.Failed(n.path("message").asText("The run failed without a reason."),
                    text(n, "node"));
            case "crashed" -> new RunEvent.Crashed(n.path("exit_code").asInt(), n.path("last_error_line").asText(""));
            default -> null;
        };
    }

    /** An epoch from its line (with or without {@code type}, so {@code train --json} lines read too). */
    public static RunEvent.Epoch epoch(JsonNode n) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!EPOCH_FIXED.contains(e.getKey()) && e.getValue().isNumber()) {
                metrics.put(e.getKey(), e.getValue().asDouble());
            }
        });
        List<RunWarning> warnings = new ArrayList<>();
        for (JsonNode w : n.path("warnings")) {
            warnings.add(new RunWarning(w.path("kind").asText(), text(w, "node"), w.path("message").asText()));
        }
        double val = number(n, "val_loss");
        return new RunEvent.Epoch(n.path("epoch").asInt(), number(n, "train_loss"), Double.isNaN(val) ? null : val,
                metrics, number(n, "lr"), number(n, "seconds"), number(n, "epoch_seconds"), numbers(n.path("grad_norms")),
                numbers(n.path("dead_relu")), warnings, activations(n.path("activations")));
    }

    private static Map<String, ActivationStats> activations(JsonNode n) {
        Map<String, ActivationStats> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                out.put(e.getKey(), new ActivationStats(number(e.getValue(), "mean"), number(e.getValue(), "std"),
                        number(e.getValue(), "zeros")));
            }
        });
        return out;
    }

    /** Final metrics from the value of {@code "final"}. */
    public static FinalMetrics finalMetrics(JsonNode n) {
        Map<String, Double> values = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!FINAL_FIXED.contains(e.getKey()) && e.getValue().isNumber()) {
                values.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return new FinalMetrics(number(n, "train_loss"), values, n.path("weights").asText("last"),
                n.path("device").asText("cpu"), n.path("epochs").asInt(), n.path("steps").asLong());
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

    private static Map<String, Double> numbers(JsonNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
