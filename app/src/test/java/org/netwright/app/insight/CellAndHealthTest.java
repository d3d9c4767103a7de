package org.netwright.app.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.model.store.MetricPoint;

/** A confusion cell's samples, the gradient heat map's verdicts and the activation answers, without a display. */
class CellAndHealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCellListsItsSamplesMostConfidentFirstWithTheirProbabilities() throws IOException {
        InsightData.Evaluation e = ChildInsight.parseEvaluation(JSON.readTree("{\"run\":2,\"samples\":5,"
                + "\"accuracy\":0.6,\"classes\":[\"a\",\"b\"],\"confusion\":[[1,2],[0,2]],\"per_class\":[],"
                + "\"predictions\":{\"listed\":5,\"true\":[0,0,0,1,1],\"predicted\":[1,0,1,1,1],"
                + "\"probability\":[0.6,0.9,0.8,0.7,0.99],\"true_probability\":[0.4,0.9,0.2,0.7,0.99]}}"));
        assertEquals(List.of(2, 0), e.answers().cell(0, 1), "class a predicted as b, the surer mistake first");
        assertTrue(e.answers().cell(1, 0).isEmpty());
        assertTrue(e.values().isEmpty(), "a classifier's list is not a regression's values");

        List<Runnable> background = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        List<List<Integer>> asked = new ArrayList<>();
        InsightSource source = new UnaskedSource() {
            @Override
            public InsightData.Evaluation evaluate(Path project, Long run) {
                return e;
            }

            @Override
            public InsightData.TestSamples samples(Path project, Long run, List<Integer> indices) {
                asked.add(indices);
                List<InsightData.TestSample> s = new ArrayList<>();
                indices.forEach(i -> s.add(new InsightData.TestSample(i, new float[] {i, 1}, List.of())));
                return new InsightData.TestSamples("table", new int[0], List.of("x", "y"), s);
            }
        };
        InsightViewModel m = new InsightViewModel(Path.of("p.nwproj"), null, source, background::add, ui::add);
        m.evaluate();
        background.remove(0).run();
        ui.remove(0).run();
        m.showCell(0, 1);
        background.remove(0).run();
        ui.remove(0).run();
        assertEquals(List.of(List.of(2, 0)), asked);
        InsightData.CellSamples c = m.cellSamplesProperty().get();
        assertEquals(2, c.total());
        assertEquals("a", c.trueClass());
        assertEquals("b", c.predictedClass());
        assertEquals(0.8, c.answers().probability()[c.shown().samples().get(0).index()], 1e-12);
        assertEquals("2 test samples: true a, predicted b.", m.statusProperty().get());
        m.showCell(1, 0);
        assertTrue(background.isEmpty(), "an empty cell asks nothing");
        assertEquals(0, m.cellSamplesProperty().get().total());
    }

    @Test
    void theHeatMapNamesTheLayersWhoseGradientsVanishOrExplode() {
        List<MetricPoint> metrics = new ArrayList<>();
        for (int epoch = 1; epoch <= 3; epoch++) {
            metrics.add(new MetricPoint(epoch * 10, epoch, "train/loss", 1.0 / epoch, epoch));
            metrics.add(new MetricPoint(epoch * 10, epoch, "grad_norm/first", 1e-9, epoch));
            metrics.add(new MetricPoint(epoch * 10, epoch, "grad_norm/middle", 0.5, epoch));
            metrics.add(new MetricPoint(epoch * 10, epoch, "grad_norm/last", epoch == 3 ? 5e3 : 1.0, epoch));
        }
        GradientHeatMap map = GradientHeatMap.of(4, metrics);
        assertEquals(List.of("first", "middle", "last"), map.layers());
        assertEquals(List.of(1, 2, 3), map.epochs());
        assertEquals(GradientHeatMap.Health.VANISHING, map.health(0, 0));
        assertEquals(GradientHeatMap.Health.HEALTHY, map.health(1, 2));
        assertEquals(GradientHeatMap.Health.EXPLODING, map.health(2, 2));
        assertEquals(GradientHeatMap.Health.HEALTHY, map.health(2, 1));
        assertEquals(List.of("first"), map.layersMarked(GradientHeatMap.Health.VANISHING));
        assertEquals(-9, map.logRange()[0], 1e-9);
        assertEquals("Run 4: gradient norms of 3 layers over 3 epochs. Vanishing gradients in first (epochs 1–3);"
                + " Exploding gradients in last (epoch 3).", map.summary());
        assertTrue(GradientHeatMap.of(5, List.of()).summary().contains("recorded no gradient norms"));
    }

    @Test
    void activationsAndSamplesAreReadFromTheCliAnswers() throws IOException {
        InsightData.Activations a = ChildInsight.parseActivations(JSON.readTree("{\"what\":\"activations\",\"run\":1,"
                + "\"samples\":8,\"layers\":[{\"id\":\"relu_1\",\"type\":\"relu\",\"count\":80,\"mean\":0.01,"
                + "\"std\":0.1,\"zeros\":0.95,\"saturated\":null,\"min\":0,\"max\":1,\"histogram\":[76,4]},"
                + "{\"id\":\"sig\",\"type\":\"sigmoid\",\"count\":80,\"mean\":0.5,\"std\":0.4,\"zeros\":0,"
                + "\"saturated\":0.7,\"min\":0,\"max\":1,\"histogram\":[40,40]},"
                + "{\"id\":\"d\",\"type\":\"dense\",\"count\":80,\"mean\":0.5,\"std\":0.4,\"zeros\":0,"
                + "\"saturated\":null,\"min\":-1,\"max\":1,\"histogram\":[40,40]}]}"));
        assertEquals(8, a.samples());
        assertEquals("mostly zero (95 %)", a.layers().get(0).problem());
        assertEquals("saturated (70 %)", a.layers().get(1).problem());
        assertEquals("", a.layers().get(2).problem());
        assertTrue(Double.isNaN(a.layers().get(0).saturated()));
        InsightData.TestSamples s = ChildInsight.parseSamples(JSON.readTree("{\"what\":\"samples\",\"kind\":\"text\","
                + "\"samples\":[{\"index\":4,\"tokens\":[\"the\",\"cat\"]}]}"));
        assertEquals("text", s.kind());
        assertEquals(List.of("the", "cat"), s.samples().get(0).tokens());
        InsightData.Generated g = ChildInsight.parseGenerated(JSON.readTree("{\"run\":3,\"rows\":20,\"cols\":6,"
                + "\"sample_shape\":[2],\"values\":" + java.util.Arrays.toString(new float[240]) + "}"), true);
        assertEquals(20 * 3, g.rows() * g.cols(), "at most 64 samples a grid: 3 a class for 20 classes");
        assertEquals(120, g.values().length);
        IOException text = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () ->
                ChildInsight.parseGenerated(JSON.readTree("{\"run\":2,\"kind\":\"text\",\"files\":[]}"), false));
        assertTrue(text.getMessage().contains("language model"), text.getMessage());
    }
}
