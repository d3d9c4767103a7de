package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * Every template exported as PyTorch source and run by Debian's torch: the same parameter count as ours and the
 * same outputs as our block within 1e-4 on the same inputs, with seeded weights.
 */
class TorchParityTest {
    private static final double TOLERANCE = 1e-4;
    private static final List<String> LARGE = List.of("alexnet", "vgg16");

    @TempDir
    Path tmp;

    @Test
    void everyTemplateButTheLargestAgreesWithOurBlock() throws Exception {
        check(TemplateLibrary.all().stream().filter(t -> !LARGE.contains(t.id())).toList(), 2);
    }

    @Test
    @Tag("slow")
    void alexnetAndVgg16AgreeWithOurBlock() throws Exception {
        check(TemplateLibrary.all().stream().filter(t -> LARGE.contains(t.id())).toList(), 1);
    }

    private void check(List<Template> templates, int batch) throws Exception {
        DebianTorch.require();
        List<String> command = new ArrayList<>(List.of(DebianTorch.PYTHON, script().toString()));
        for (Template t : templates) {
            Path dir = Files.createDirectories(tmp.resolve(t.id()));
            try (SeededNetwork net = new SeededNetwork(t.graph(), batch, 7)) {
                PytorchExporter.writeModel(t.graph(), net.weights, dir);
                net.writeArrays(dir.resolve("in.npz"), dir.resolve("expected.npz"));
            }
            command.addAll(List.of(dir.toString(), dir.resolve("in.npz").toString(),
                    dir.resolve("expected.npz").toString()));
        }
        DebianTorch.Result r = DebianTorch.run(tmp, 1800, command.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(templates.size(), lines.length, r.out() + r.err());
        ObjectMapper mapper = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            Template t = templates.get(i);
            JsonNode j = mapper.readTree(lines[i]);
            long ours = ShapeInference.infer(t.graph()).totalParams();
            double worst = 0;
            if (j.has("error")) {
                failures.add(t.id() + ": " + j.get("error").asText());
                continue;
            }
            for (JsonNode d : j.get("diffs")) {
                worst = d.isNumber() ? Math.max(worst, d.asDouble()) : Double.NaN;
            }
            System.out.printf("pytorch export %-24s params %10d (ours %10d)  max |diff| %.3g%n", t.id(),
                    j.get("params").asLong(), ours, worst);
            if (j.get("params").asLong() != ours) {
                failures.add(t.id() + ": " + j.get("params").asLong() + " parameters, ours " + ours);
            }
            if (!(worst <= TOLERANCE)) {
                failures.add(t.id() + ": outputs differ by " + j.get("diffs"));
            }
            if (j.get("training").asBoolean()) {
                failures.add(t.id() + ": load() left the module in training mode");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private Path script() throws Exception {
        Path p = tmp.resolve("parity.py");
        try (var in = getClass().getResourceAsStream("parity.py")) {
            Files.copy(in, p);
        }
        return p;
    }
}
