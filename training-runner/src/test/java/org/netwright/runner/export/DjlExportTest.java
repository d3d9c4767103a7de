package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.json.GraphJson;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * Every template exported in the DJL format and opened exactly as the README's snippet does:
 * the block rebuilt from graph.json, {@code Model.load} reading the parameters, a predictor with DJL's
 * NoopTranslator. Its outputs equal our block's on the same inputs (the two largest in a slow test of their own).
 */
class DjlExportTest {
    @TempDir
    Path tmp;

    @Test
    void theSnippetOpensEveryTemplateAndPredictsAsOurBlock() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Template t : TemplateLibrary.all()) {
            if (t.id().equals("alexnet") || t.id().equals("vgg16")) {
                continue;
            }
            double worst = loadedAsTheSnippetDoes(t, 2);
            if (!(worst <= 1e-6)) {
                failures.add(t.id() + " differs by " + worst);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * The two largest templates (AlexNet 61M, VGG16 138M parameters: about 0.25 and 0.55 GB of weights each held by
     * our block, the checkpoint, the file and DJL's loaded copy), one image each, one at a time.
     */
    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {"alexnet", "vgg16"})
    void theSnippetOpensTheLargestTemplates(String id) throws Exception {
        long start = System.nanoTime();
        double worst = loadedAsTheSnippetDoes(TemplateLibrary.find(id).orElseThrow(), 1);
        System.out.printf("djl export %s: %.1f s, heap used %d MB%n", id, (System.nanoTime() - start) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        assertTrue(worst <= 1e-6, id + " differs by " + worst);
    }

    /** Exports {@code t} with seeded weights, opens it as the README's snippet does; the largest output difference. */
    private double loadedAsTheSnippetDoes(Template t, int batch) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(t.id()));
        try (SeededNetwork net = new SeededNetwork(t.graph(), batch, 11)) {
            DjlExporter.writeModel(t.graph(), net.weights, dir);
            assertTrue(Files.isRegularFile(dir.resolve("model-0000.params")), t.id());
            // What the README's snippet does.
            try (Model model = Model.newInstance("model")) {
                model.setBlock(GraphCompiler.compile(GraphJson.read(Files.readString(dir.resolve("graph.json"))),
                        true));
                model.load(dir, "model");
                try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                     NDManager manager = NDManager.newBaseManager()) {
                    NDList in = new NDList();
                    for (int i = 0; i < net.inputs.size(); i++) {
                        in.add(manager.create(net.inputs.get(i), new Shape(net.inputShapes.get(i))));
                    }
                    NDList out = predictor.predict(in);
                    assertEquals(net.outputs.size(), out.size(), t.id());
                    double worst = 0;
                    for (int i = 0; i < out.size(); i++) {
                        float[] got = out.get(i).toFloatArray();
                        assertArrayEquals(net.outputShapes.get(i), out.get(i).getShape().getShape(), t.id());
                        for (int k = 0; k < got.length; k++) {
                            worst = Math.max(worst, Math.abs(got[k] - net.outputs.get(i)[k]));
                        }
                    }
                    System.out.printf("djl export %-24s max |diff| %.3g%n", t.id(), worst);
                    return worst;
                }
            }
        }
    }
}
