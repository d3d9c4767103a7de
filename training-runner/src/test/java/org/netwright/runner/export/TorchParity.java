package org.netwright.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.ShapeInference;

/**
 * Exports graphs with seeded weights as PyTorch source, runs them all in one Debian python3 process on the inputs our
 * block ran, and lists what disagrees: parameter count, outputs beyond {@code tolerance}, or a module left training.
 */
public final class TorchParity {
    private TorchParity() {
    }

    /** The disagreements, one line each; prints each graph's figures. */
    public static List<String> failures(Map<String, Graph> graphs, int batch, double tolerance, Path tmp) {
        DebianTorch.require();
        try {
            Path script = tmp.resolve("parity.py");
            try (InputStream in = TorchParity.class.getResourceAsStream("parity.py")) {
                Files.copy(in, script);
            }
            List<String> command = new ArrayList<>(List.of(DebianTorch.PYTHON, script.toString()));
            List<String> names = new ArrayList<>(graphs.keySet());
            for (String name : names) {
                Path dir = Files.createDirectories(tmp.resolve(name.replaceAll("[^A-Za-z0-9_-]", "_")));
                try (SeededNetwork net = new SeededNetwork(graphs.get(name), batch, 7)) {
                    PytorchExporter.writeModel(graphs.get(name), net.weights, dir);
                    net.writeArrays(dir.resolve("in.npz"), dir.resolve("expected.npz"));
                }
                command.addAll(List.of(dir.toString(), dir.resolve("in.npz").toString(),
                        dir.resolve("expected.npz").toString()));
            }
            DebianTorch.Result r = DebianTorch.run(tmp, 1800, command.toArray(String[]::new));
            List<String> failures = new ArrayList<>();
            if (r.exit() != 0) {
                failures.add("parity.py failed: " + r.err());
                return failures;
            }
            String[] lines = r.out().strip().split("\n");
            ObjectMapper mapper = new ObjectMapper();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (i >= lines.length) {
                    failures.add(name + ": no result");
                    continue;
                }
                JsonNode j = mapper.readTree(lines[i]);
                if (j.has("error")) {
                    failures.add(name + ": " + j.get("error").asText());
                    continue;
                }
                long ours = ShapeInference.infer(graphs.get(name)).totalParams();
                double worst = 0;
                for (JsonNode d : j.get("diffs")) {
                    worst = d.isNumber() ? Math.max(worst, d.asDouble()) : Double.NaN;
                }
                System.out.printf("pytorch export %-40s params %10d (ours %10d)  max |diff| %.3g%n", name,
                        j.get("params").asLong(), ours, worst);
                if (j.get("params").asLong() != ours) {
                    failures.add(name + ": " + j.get("params").asLong() + " parameters, ours " + ours);
                }
                if (!(worst <= tolerance)) {
                    failures.add(name + ": outputs differ by " + j.get("diffs"));
                }
                if (j.get("training").asBoolean()) {
                    failures.add(name + ": load() left the module in training mode");
                }
            }
            return failures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
