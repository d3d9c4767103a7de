package org.netwright.app.insight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspect answers parsed, the tiles and heat maps drawn, the latent scatter's series and words. */
class InspectionDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parsesLayersMapsAndLatentPoints() throws IOException {
        List<InsightData.Layer> layers = ChildInsight.parseLayers(JSON.readTree("{\"what\":\"layers\",\"layers\":["
                + "{\"id\":\"x\",\"type\":\"image_input\",\"offers\":[]},{\"id\":\"c\",\"type\":\"conv2d\","
                + "\"offers\":[\"filters\",\"feature-maps\"]},{\"id\":\"a\",\"type\":\"multi_head_attention\","
                + "\"offers\":[\"attention\"],\"heads\":4}]}"));
        assertEquals(3, layers.size());
        assertEquals(List.of("filters", "feature-maps"), layers.get(1).offers());
        assertEquals(4, layers.get(2).heads());
        InsightData.Maps m = ChildInsight.parseMaps(JSON.readTree("{\"what\":\"attention\",\"layer\":\"a\",\"head\":1,"
                + "\"heads\":2,\"tokens\":[\"the\",\"cat\"],\"shape\":[2,2],\"values\":[1,0,0.25,0.75]}"));
        assertArrayEquals(new int[] {2, 2}, m.shape());
        assertEquals(List.of("the", "cat"), m.tokens());
        assertEquals(0.75f, m.values()[3]);
        InsightData.Latent z = ChildInsight.parseLatent(JSON.readTree("{\"what\":\"latent\",\"layer\":\"mu\",\"dims\":8,"
                + "\"points\":[[0,1],[2,3],[4,5]],\"classes\":[0,1,0],\"class_names\":[\"even\",\"odd\"]}"));
        assertEquals(3.0, z.ys()[1]);
        assertEquals("3 test samples in the bottleneck mu, its first two of 8 dimensions, coloured by class.",
                InsightViewModel.latentCaption(z));
        var series = AutoencoderPanel.latentSeries(z);
        assertEquals(2, series.getSeriesCount());
        assertEquals("even", series.getSeriesKey(0));
        assertEquals(2, series.getItemCount(0));
    }

    @Test
    void tilesStretchEachToItsOwnRangeOrShareOne() {
        // Two 1×2 tiles side by side, zoom 1: a white gap column between them.
        MapPictures.Picture own = MapPictures.tiles(new float[] {0, 2, 5, 10}, 2, 1, 2, 1, 2, Double.NaN, Double.NaN);
        assertEquals(5, own.width());
        assertArrayEquals(new int[] {0xff000000, 0xffffffff, 0xffffffff, 0xff000000, 0xffffffff}, own.argb());
        MapPictures.Picture shared = MapPictures.tiles(new float[] {0, 2, 5, 10}, 2, 1, 2, 1, 2, 0, 10);
        assertEquals(0xff333333, shared.argb()[1]);
        MapPictures.Picture heat = MapPictures.heat(new float[] {0, 1}, 1, 2, 2);
        assertEquals(4, heat.width());
        assertEquals(0xffffffff, heat.argb()[0]);
        assertEquals(0xff0d47a1, heat.argb()[2]);
        // Filters 2×2×1×1: each filter's mean over its two input channels.
        assertArrayEquals(new float[] {2, 5}, MapPictures.channelMeans(new float[] {1, 3, 4, 6}, new int[] {2, 2, 1, 1}));
    }

    @Test
    void layerViewsAskTheSourceOffTheCallerAndKeepTheAnswer() {
        List<Runnable> background = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        InsightSource source = new UnaskedSource() {
            @Override
            public List<InsightData.Layer> layers(Path project, Long run) {
                return List.of(new InsightData.Layer("c", "conv2d", List.of("filters"), 0),
                        new InsightData.Layer("e", "embedding", List.of("neighbours"), 0));
            }

            @Override
            public InsightData.Maps maps(Path project, Long run, String what, String layer, int sample, int head) {
                return new InsightData.Maps(what, layer, new int[] {4, 1, 3, 3}, new float[36], List.of(), 0, 0);
            }
        };
        InsightViewModel m = new InsightViewModel(Path.of("p.nwproj"), null, source, background::add, ui::add);
        m.loadLayers();
        background.remove(0).run();
        ui.remove(0).run();
        assertEquals("2 layers; 2 can be looked into.", m.statusProperty().get());
        assertEquals("c", m.layersOffering("filters").get(0).id());
        assertEquals(List.of(), m.layersOffering("attention"));
        m.showMaps("filters", "c", 0);
        background.remove(0).run();
        ui.remove(0).run();
        assertEquals("filters of c: 4×1×3×3", m.statusProperty().get());
    }
}
