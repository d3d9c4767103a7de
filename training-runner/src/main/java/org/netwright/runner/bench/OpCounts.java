package org.netwright.runner.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netwright.model.run.RunEvent;
import org.netwright.runner.run.RunListener;

/**
 * Counts the libtorch operations of a training step in our runner and in the plain DJL twin. libtorch's profiler
 * records what the training thread calls over a few steps of one epoch (forward, loss, backward, clipping and the
 * updates; a batch made on our prefetch thread is not on that thread), and each operation called by no other one
 * counts once, so an op that runs others inside it (a layer norm, an update) is one. Which ops one side calls and the
 * other does not is what a step's time cannot show when the two differ by a percent.
 */
public final class OpCounts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpCounts() {
    }

    /** The ops per step of one family, by name, in our runner and in plain DJL. */
    public record Comparison(Family family, Map<String, Double> ours, Map<String, Double> plain) {
        /** All of our ops per step. */
        public double oursTotal() {
            return ours.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** All of plain DJL's ops per step. */
        public double plainTotal() {
            return plain.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Ours minus plain per op name, for the names whose counts differ. */
        public Map<String, Double> differences() {
            Map<String, Double> d = new TreeMap<>();
            for (String name : union()) {
                double x = ours.getOrDefault(name, 0.0) - plain.getOrDefault(name, 0.0);
                if (Math.abs(x) > 1e-9) {
                    d.put(name, x);
                }
            }
            return d;
        }

        private List<String> union() {
            TreeMap<String, Boolean> names = new TreeMap<>();
            ours.keySet().forEach(n -> names.put(n, true));
            plain.keySet().forEach(n -> names.put(n, true));
            return new ArrayList<>(names.keySet());
        }
    }

    /**
     * Profiles {@code steps} training steps of {@code family} in each, after {@code warmup} steps; throws
     * IllegalStateException when no epoch of the template has {@code steps} steps after the warm-up.
     */
    public static Comparison compare(Family family, int warmup, int steps) {
        Engine.getInstance();
        TemplateRun ours = new TemplateRun(family);
        Path dir = TempFolder.make("netwright-ops");
        try {
            Map<String, Double> o = ours(ours, warmup, steps, dir.resolve("ours.json"));
            Map<String, Double> p = plain(family, ours, warmup, steps, dir.resolve("plain.json"));
            return new Comparison(family, o, p);
        } finally {
            TempFolder.deleteQuietly(dir);
        }
    }

    private static Map<String, Double> ours(TemplateRun run, int warmup, int steps, Path trace) {
        // Step events come on the training thread after each step: profiling runs from one event to the one `steps`
        // later, within one epoch and before its last step (which also reads the gradient norms, once per epoch);
        // a window that reaches either starts again after the epoch's end.
        boolean[] done = new boolean[1];
        int[] window = {steps};
        run.time(warmup + 4 * steps + 200, 1, List.of(new RunListener() {
            private int perEpoch;
            private int seen;
            private int startedAt = -1;

            @Override
            public void started(RunEvent.Started e) {
                perEpoch = e.stepsPerEpoch();
                // A short epoch (the VAE's) is profiled over all its steps but its first and last.
                window[0] = Math.max(1, Math.min(steps, perEpoch - 2));
            }

            @Override
            public void step(RunEvent.Step e) {
                seen++;
                long inEpoch = e.step() - (long) (e.epoch() - 1) * perEpoch;
                boolean last = inEpoch >= perEpoch;
                if (startedAt >= 0 && (last || inEpoch == 1)) {
                    JniUtils.stopProfile(trace.toString());
                    startedAt = -1;
                } else if (startedAt >= 0 && seen - startedAt == window[0]) {
                    JniUtils.stopProfile(trace.toString());
                    startedAt = -1;
                    done[0] = true;
                }
                // The next step is not the epoch's last: a window may start here.
                if (!done[0] && startedAt < 0 && seen > warmup && inEpoch + 1 < perEpoch) {
                    JniUtils.startProfile(false, false, false);
                    startedAt = seen;
                }
            }
        }), StepClock.WALL);
        if (!done[0]) {
            throw new IllegalStateException(run.family().id() + ": no epoch had " + window[0]
                    + " steps to profile after the warm-up.");
        }
        return perStep(topLevel(trace), window[0]);
    }

    private static Map<String, Double> plain(Family family, TemplateRun ours, int warmup, int steps, Path trace) {
        try (PlainStep p = PlainModels.create(family, ours.template(), ours.batch(), 0)) {
            for (int i = 0; i < warmup; i++) {
                p.step();
            }
            JniUtils.startProfile(false, false, false);
            try {
                for (int i = 0; i < steps; i++) {
                    p.step();
                }
            } finally {
                JniUtils.stopProfile(trace.toString());
            }
        }
        return perStep(topLevel(trace), steps);
    }

    private static Map<String, Double> perStep(Map<String, Integer> counts, int steps) {
        Map<String, Double> out = new TreeMap<>();
        counts.forEach((name, n) -> out.put(name, n / (double) steps));
        return out;
    }

    /** How often each operation that ran inside no other one on its thread appears in a profiler trace. */
    static Map<String, Integer> topLevel(Path trace) {
        JsonNode events;
        try {
            events = JSON.readTree(trace.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record Op(String name, String thread, double start, double end) {
        }
        List<Op> ops = new ArrayList<>();
        for (JsonNode e : events.isArray() ? events : events.path("traceEvents")) {
            if ("X".equals(e.path("ph").asText())) {
                double ts = e.path("ts").asDouble();
                ops.add(new Op(e.path("name").asText(), e.path("tid").asText(), ts, ts + e.path("dur").asDouble()));
            }
        }
        ops.sort(Comparator.comparing(Op::thread).thenComparingDouble(Op::start)
                .thenComparing(Comparator.comparingDouble(Op::end).reversed()));
        Map<String, Integer> counts = new TreeMap<>();
        Deque<Double> open = new ArrayDeque<>();
        String thread = null;
        for (Op op : ops) {
            if (!op.thread().equals(thread)) {
                open.clear();
                thread = op.thread();
            }
            while (!open.isEmpty() && open.peek() <= op.start()) {
                open.pop();
            }
            if (open.isEmpty()) {
                counts.merge(op.name(), 1, Integer::sum);
            }
            open.push(op.end());
        }
        return counts;
    }
}
