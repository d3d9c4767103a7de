package org.netwright.runner.run;

import org.netwright.model.run.RunEventJson;
import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;

/** After each epoch a GAN or VAE run reports a grid of samples from noise fixed for the run. */
@Tag("training")
class GenerativeSamplesTest {

    private static List<RunEvent.Samples> grids(String template, int epochs, DataRecipe data) {
        Template t = TemplateLibrary.find(template).orElseThrow();
        TrainingSettings settings = t.settings().withEpochs(epochs).withData(data);
        Samples all = Generators.generateSamples(settings.data(), settings.seed());
        TrainingRun run = new TrainingRun(t.graph(), settings, all.split(0.1, 0.1, settings.seed()));
        List<RunEvent.Samples> grids = new ArrayList<>();
        run.addListener(new RunListener() {
            @Override
            public void samples(RunEvent.Samples e) {
                grids.add(e);
            }
        });
        assertEquals("completed", run.run().status());
        return grids;
    }

    @Test
    void aGanReportsAnEightByEightGridEachEpochFromTheSameNoise() throws Exception {
        DataRecipe ring = DataRecipe.generator("ring_gaussians", Map.of("samples", 1000, "std", 0.05));
        List<RunEvent.Samples> grids = grids("gan-2d", 2, ring);
        assertEquals(2, grids.size());
        assertEquals(List.of(1, 2), grids.stream().map(RunEvent.Samples::epoch).toList());
        assertEquals(8, grids.get(0).rows());
        assertEquals(8, grids.get(0).cols());
        assertArrayEquals(new int[] {2}, grids.get(0).sampleShape());
        assertFalse(java.util.Arrays.equals(grids.get(0).values(), grids.get(1).values()), "the generator learned");
        // A rerun with the same seed draws the same fixed noise, so the grids repeat.
        assertEquals(grids, grids("gan-2d", 2, ring));

        JsonNode line = new ObjectMapper().readTree(RunEventJson.line(grids.get(1)));
        assertEquals("samples", line.get("type").asText());
        assertEquals(2, line.get("epoch").asInt());
        assertEquals(128, line.get("values").size());
        assertEquals(grids.get(1).values()[5], line.get("values").get(5).floatValue(), 1e-4);
    }

    @Test
    void aConditionalGanGivesOneRowPerClass() {
        List<RunEvent.Samples> grids = grids("cgan", 1,
                DataRecipe.generator("ring_gaussians", Map.of("samples", 800, "std", 0.05)));
        assertEquals(8, grids.get(0).rows());
        assertEquals(8, grids.get(0).cols());
    }

    @Test
    void aVaeReportsDecodedPriorSamples() {
        List<RunEvent.Samples> grids = grids("vae", 2,
                DataRecipe.generator("moon_points", Map.of("samples", 400, "noise", 0.1, "scale", 3)));
        assertEquals(2, grids.size());
        assertArrayEquals(new int[] {2}, grids.get(1).sampleShape());
        assertEquals(64, grids.get(1).values().length / 2);
        for (float v : grids.get(1).values()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void aGridOfMoreThanSixtyFourSamplesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RunEvent.Samples(1, 9, 8, new int[] {1}, new float[72]));
        assertThrows(IllegalArgumentException.class, () -> new RunEvent.Samples(1, 2, 2, new int[] {2}, new float[7]));
    }
}
