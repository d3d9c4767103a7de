package org.netwright.app.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The insight view model without a display: answers parsed, work run off the caller, the overlay's arithmetic. */
class InsightViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parsesTheCliAnswers() throws IOException {
        InsightData.Evaluation e = ChildInsight.parseEvaluation(JSON.readTree("{\"run\":2,\"part\":\"test\",\"samples\":5,"
                + "\"loss\":0.5,\"accuracy\":0.8,\"classes\":[\"a\",\"b\"],\"confusion\":[[2,1],[0,2]],"
                + "\"per_class\":[{\"class\":\"a\",\"precision\":1.0,\"recall\":0.667,\"count\":3},"
                + "{\"class\":\"b\",\"precision\":null,\"recall\":1.0,\"count\":2}]}"));
        assertEquals(2, e.run());
        assertEquals(5, e.samples());
        assertEquals(0.8, e.metrics().get("accuracy"));
        assertEquals(List.of("loss", "accuracy"), List.copyOf(e.metrics().keySet()));
        assertEquals(1, e.confusion()[0][1]);
        assertTrue(Double.isNaN(e.perClass().get(1).precision()));
        InsightData.Saliency s = ChildInsight.parseSaliency(JSON.readTree("{\"method\":\"saliency\",\"class\":\"b\","
                + "\"class_id\":1,\"probability\":0.9,\"sample\":3,\"true_class\":\"a\","
                + "\"input\":[[[0,1],[1,0]]],\"attribution\":[[[0.5,0],[0,0.25]]]}"));
        assertEquals(1, s.channels());
        assertEquals(2, s.height());
        assertEquals(2, s.width());
        assertEquals(0.25f, s.attribution()[3]);
        assertEquals("a", s.trueClass());
    }

    @Test
    void parsesARegressionsValuesAndAPrediction() throws IOException {
        InsightData.Evaluation e = ChildInsight.parseEvaluation(JSON.readTree("{\"run\":1,\"part\":\"test\","
                + "\"samples\":3,\"loss\":0.1,\"mae\":0.2,\"predictions\":{\"true\":[1,2,3],"
                + "\"predicted\":[1.5,2,2],\"width\":1,\"listed\":3}}"));
        assertTrue(!e.hasClasses());
        assertEquals(List.of("loss", "mae"), List.copyOf(e.metrics().keySet()));
        assertEquals(3, e.values().truth().length);
        double[] r = e.values().residuals();
        assertEquals(0.5, r[0], 1e-12);
        assertEquals(-1.0, r[2], 1e-12);
        assertTrue(ChildInsight.parseEvaluation(JSON.readTree("{\"run\":1,\"samples\":0}")).values().isEmpty());

        InsightData.Prediction p = ChildInsight.parsePrediction("cat.png", JSON.readTree("{\"predictions\":["
                + "{\"class\":\"cat\",\"probability\":0.75},{\"class\":\"dog\",\"probability\":0.25}]}"), null,
                "no conv layer");
        assertTrue(p.hasClasses());
        assertEquals("cat", p.classes().get(0).name());
        assertEquals("most likely cat (0.750); no saliency: no conv layer", InsightViewModel.predictionSummary(p));
        InsightData.Prediction v = ChildInsight.parsePrediction("row.csv", JSON.readTree("{\"values\":[2.5]}"), null,
                "");
        assertEquals("predicted 2.500", InsightViewModel.predictionSummary(v));
    }

    @Test
    void aPredictionComesBackThroughTheBackgroundAndSaysItsTopClass() {
        List<Runnable> background = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        InsightSource source = new UnaskedSource() {
            @Override
            public InsightData.Prediction predict(Path project, Long run, Path file, int topK, String method) {
                asked.add(file + " " + topK + " " + method);
                return new InsightData.Prediction(file.getFileName().toString(), List.of(
                        new InsightData.ClassProbability("circle", 0.9)), new double[0], null, "");
            }
        };
        InsightViewModel m = new InsightViewModel(Path.of("p.nwproj"), 3L, source, background::add, ui::add);
        m.topKProperty().set(2);
        m.methodProperty().set("gradcam");
        m.predict(Path.of("d", "x.png"));
        assertTrue(asked.isEmpty(), "nothing ran on the caller's thread");
        background.get(0).run();
        ui.get(0).run();
        assertEquals(List.of(Path.of("d", "x.png") + " 2 gradcam"), asked);
        assertEquals("x.png: most likely circle (0.900)", m.statusProperty().get());
        assertEquals("circle", m.predictionProperty().get().classes().get(0).name());
    }

    @Test
    void theOverlayShowsTheImageAtZeroOpacityAndHeatWhereTheAttributionIs() {
        InsightData.Saliency s = new InsightData.Saliency(0, "saliency", 1, 1, 2, new float[] {0, 1},
                new float[] {0, 2}, "x", 0.5, "");
        int[] plain = InsightViewModel.overlay(s, 0, 1);
        assertEquals(0xff000000, plain[0]);
        assertEquals(0xffffffff, plain[1]);
        int[] hot = InsightViewModel.overlay(s, 1, 2);
        assertEquals(8, hot.length);
        // Full heat at full opacity is pure yellow-white heat; no attribution leaves the black pixel black.
        assertEquals(0xff000000, hot[0]);
        assertEquals(0xffffff00, hot[2]);
    }

    @Test
    void workRunsInTheBackgroundAndAFailureBecomesTheStatus() {
        List<Runnable> background = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        InsightSource failing = new UnaskedSource() {
            @Override
            public InsightData.Evaluation evaluate(Path project, Long run) throws IOException {
                throw new IOException("no trained run");
            }

        };
        InsightViewModel m = new InsightViewModel(Path.of("p.nwproj"), null, failing, background::add, ui::add);
        m.evaluate();
        assertTrue(m.busyProperty().get());
        assertEquals(1, background.size());
        assertTrue(ui.isEmpty(), "nothing ran on the caller's thread");
        background.get(0).run();
        ui.get(0).run();
        assertEquals("Could not look inside the run: no trained run", m.statusProperty().get());
        assertTrue(!m.busyProperty().get());
    }

    @Test
    void clicksPickTheTwoEndsInTurnAndTheWalkIsAskedWithThemClamped() throws IOException {
        List<Runnable> background = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        InsightSource source = new UnaskedSource() {
            @Override
            public InsightData.Interpolation interpolate(Path project, Long run, int from, int to, int steps)
                    throws IOException {
                asked.add(from + "->" + to + " in " + steps);
                return ChildInsight.parseInterpolation(JSON.readTree("{\"run\":4,\"kind\":\"csv\",\"count\":3,"
                        + "\"rows\":1,\"cols\":3,\"sample_shape\":[2],\"values\":[0,0,0.5,0.5,1,1]}"), from, to);
            }
        };
        InsightViewModel m = new InsightViewModel(Path.of("p.nwproj"), null, source, background::add, ui::add);
        m.pickInterpolationEnd(7);
        m.pickInterpolationEnd(3);
        m.pickInterpolationEnd(9);
        assertEquals(9, m.interpolationFromProperty().get(), "the third click starts over at the first end");
        assertEquals(3, m.interpolationToProperty().get());
        m.interpolationStepsProperty().set(1000);
        m.interpolate();
        assertTrue(asked.isEmpty(), "nothing ran on the caller's thread");
        background.get(0).run();
        ui.get(0).run();
        assertEquals(List.of("9->3 in " + InsightViewModel.MAX_INTERPOLATION_STEPS), asked);
        InsightData.Interpolation i = m.interpolationProperty().get();
        assertEquals(3, i.steps());
        assertEquals(2, i.size());
        assertTrue(!i.isImage());
        assertEquals(0.5f, i.values()[2]);
        assertTrue(m.statusProperty().get().contains("test samples 9 and 3"), m.statusProperty().get());
        // An answer without values (an older CLI) is refused in words, not drawn empty.
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ChildInsight
                .parseInterpolation(JSON.readTree("{\"run\":4,\"count\":3}"), 0, 1)).getMessage()
                .contains("no values"));
    }
}
