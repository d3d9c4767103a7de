package org.netwright.runner.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of run events, one object per event, as the app reads them line by line (see ARCHITECTURE.md). */
public final class RunEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunEventJson() {
    }

    /** The event as one line of JSON with its {@code type}. */
    public static String line(RunEvent event) {
        if (event instanceof RunEvent.Step e && Double.isFinite(e.trainLoss()) && Double.isFinite(e.lr())) {
            // The one event of every step: written without a JSON tree, in the same text Jackson gives.
            return "{\"type\":\"step\",\"step\":" + e.step() + ",\"epoch\":" + e.epoch() + ",\"train_loss\":"
                    + e.trainLoss() + ",\"lr\":" + e.lr() + ",\"seconds\":" + e.seconds() + "}";
        }
        return toJson(event).toString();
    }

    /** The event as a JSON object with its {@code type}; unmeasured (null) metrics are left out. */
    public static ObjectNode toJson(RunEvent event) {
        ObjectNode o = MAPPER.createObjectNode();
        if (event instanceof RunEvent.Started e) {
            o.put("type", "started");
            o.put("run_id", e.runId());
            o.put("device", e.device());
            o.put("epochs", e.epochs());
            o.put("steps_per_epoch", e.stepsPerEpoch());
        } else if (event instanceof RunEvent.Step e) {
            o.put("type", "step");
            o.put("step", e.step());
            o.put("epoch", e.epoch());
            o.put("train_loss", e.trainLoss());
            o.put("lr", e.lr());
            o.put("seconds", e.seconds());
        } else if (event instanceof RunEvent.Epoch e) {
            o.put("type", "epoch");
            o.setAll(epochFields(e));
        } else if (event instanceof RunEvent.Samples e) {
            o.put("type", "samples");
            o.put("epoch", e.epoch());
            o.put("rows", e.rows());
            o.put("cols", e.cols());
            var shape = o.putArray("sample_shape");
            for (int d : e.sampleShape()) {
                shape.add(d);
            }
            var values = o.putArray("values");
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
        }
        return o;
    }

    /** An epoch's metrics without the {@code type}: the line {@code train --json} prints per epoch. */
    public static ObjectNode epochFields(RunEvent.Epoch e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("epoch", e.epoch());
        o.put("train_loss", e.trainLoss());
        putIfMeasured(o, "val_loss", e.valLoss());
        e.metrics().forEach((k, v) -> putIfMeasured(o, k, v));
        o.put("lr", e.lr());
        o.put("seconds", e.seconds());
        o.put("epoch_seconds", e.epochSeconds());
        return o;
    }

    /** The final metrics as an object (the value of {@code "final"}). */
    public static ObjectNode finalFields(FinalMetrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        putIfMeasured(o, "train_loss", Double.isNaN(m.trainLoss()) ? null : m.trainLoss());
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
}
