package org.netwright.model.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;

class FitNetworkToDataTest {
    /** LeNet-5's layers (1×32×32 in, 10 out) ending in a softmax, so the output width is set one layer back. */
    private static Graph lenet() {
        List<Node> nodes = List.of(
                new Node("input", "image_input", Map.of("channels", 1, "height", 32, "width", 32), 0, 0),
                new Node("c1", "conv2d", Map.of("filters", 6, "kernel", 5, "padding", "valid"), 1, 0),
                new Node("p1", "max_pool2d", Map.of("kernel", 2, "stride", 2), 2, 0),
                new Node("c2", "conv2d", Map.of("filters", 16, "kernel", 5, "padding", "valid"), 3, 0),
                new Node("p2", "max_pool2d", Map.of("kernel", 2, "stride", 2), 4, 0),
                new Node("flat", "flatten", Map.of(), 5, 0),
                new Node("d1", "dense", Map.of("units", 120), 6, 0),
                new Node("act", "relu", Map.of(), 7, 0),
                new Node("out", "dense", Map.of("units", 10), 8, 0),
                new Node("soft", "softmax", Map.of(), 9, 0));
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i + 1 < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i).id(), "out", nodes.get(i + 1).id(), "in"));
        }
        return Graph.of(nodes, edges);
    }

    private static List<DataField> images(int c, int h, int w, int classes) {
        return List.of(DataField.values("image", Shape.of(c, h, w)), DataField.classId("label", classes));
    }

    @Test
    void anImageSizeTheLayersCanTakeBecomesTheInputsSize() {
        Graph g = lenet();
        FitNetworkToData fit = FitNetworkToData.forSamples(g, images(1, 28, 28, 10));
        assertTrue(fit.whyNot(g).isEmpty());
        Graph fitted = fit.apply(g);
        assertEquals(Shape.of(1, 28, 28), NetworkEnds.of(fitted).inputs().get(0).shape());
        assertTrue(ShapeInference.infer(fitted).isValid());
        assertEquals(List.of("input: image size 32×32 -> 28×28 (the data's size; the layers after it follow)"),
                fit.changes());
        assertTrue(fit.resizeImagesTo().isEmpty());
        assertEquals(g, fit.undo(fitted), "one undo gives the graph back");
    }

    /** A GAN in miniature: noise -> dense 16 -> reshape 1×4×4 (the sample); a 1×4×4 image -> flatten -> dense 1. */
    private static Graph tinyGan() {
        return Graph.of(List.of(
                        new Node("z", "noise_input", Map.of("latent", 4), 0, 0),
                        new Node("g", "dense", Map.of("units", 16), 1, 0),
                        new Node("sample", "reshape", Map.of("target", "1,4,4"), 2, 0),
                        new Node("real", "image_input", Map.of("channels", 1, "height", 4, "width", 4), 0, 1),
                        new Node("flat", "flatten", Map.of(), 1, 1),
                        new Node("score", "dense", Map.of("units", 1), 2, 1)),
                List.of(Edge.of("z", "out", "g", "in"), Edge.of("g", "out", "sample", "in"),
                        Edge.of("real", "out", "flat", "in"), Edge.of("flat", "out", "score", "in")));
    }

    @Test
    void aGansRealInputKeepsTheGeneratorsSizeAndTheImagesAreResized() {
        Graph g = tinyGan();
        assertTrue(ShapeInference.infer(g).isValid());
        // The discriminator alone could take 8×8, but then it would no longer read what the generator draws.
        FitNetworkToData fit = FitNetworkToData.forSamples(g, images(1, 8, 8, 10));
        assertArrayEquals(new int[] {4, 4}, fit.resizeImagesTo().orElseThrow());
        assertEquals(g, fit.apply(g), "neither part changes");
        assertEquals(List.of("the images are resized from 8×8 to 4×4, the size the generator 'sample' draws for real"),
                fit.changes());
        assertTrue(FitNetworkToData.forSamples(g, images(1, 4, 4, 10)).changes().isEmpty(), "the same size fits");
    }

    @Test
    void imagesTooSmallForTheLayersAreResizedToTheInput() {
        Graph g = lenet();
        FitNetworkToData fit = FitNetworkToData.forSamples(g, images(1, 8, 8, 10));
        assertArrayEquals(new int[] {32, 32}, fit.resizeImagesTo().orElseThrow());
        assertEquals(g, fit.apply(g), "the graph keeps its size");
        assertEquals(1, fit.changes().size());
        assertTrue(fit.changes().get(0).startsWith("the images are resized from 8×8 to 32×32, the size input takes"),
                fit.changes().get(0));
        assertTrue(fit.whyNot(g).isPresent());
    }

    @Test
    void channelsAndTheClassCountFollowTheData() {
        Graph g = lenet();
        FitNetworkToData fit = FitNetworkToData.forSamples(g, images(3, 32, 32, 2));
        Graph fitted = fit.apply(g);
        assertEquals(Shape.of(3, 32, 32), NetworkEnds.of(fitted).inputs().get(0).shape());
        assertEquals(Shape.of(2), NetworkEnds.of(fitted).outputs().get(0).shape());
        assertEquals(List.of("input: channels 1 -> 3", "out: output width (one score per class) 10 -> 2"),
                fit.changes());
        assertEquals(g, fit.undo(fitted));
        assertTrue(FitNetworkToData.forSamples(g, images(1, 32, 32, 10)).fitsAlready());
    }

    @Test
    void vectorInputsTakeTheFeatureCountAndGraphsTheirNodes() {
        Graph mlp = Graph.of(List.of(new Node("x", "vector_input", Map.of("features", 2), 0, 0),
                        new Node("h", "dense", Map.of("units", 3), 1, 0)),
                List.of(Edge.of("x", "out", "h", "in")));
        FitNetworkToData fit = FitNetworkToData.forSamples(mlp,
                List.of(DataField.values("features", Shape.of(13)), DataField.classId("label", 3)));
        assertEquals(List.of("x: features 2 -> 13"), fit.changes());
        Graph gcn = Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", 100, "features", 100), 0, 0),
                        new Node("gcn1", "gcn", Map.of("units", 4), 1, 0)),
                List.of(Edge.of("g", "features", "gcn1", "features"), Edge.of("g", "adjacency", "gcn1", "adjacency")));
        FitNetworkToData graphFit = FitNetworkToData.forGraph(gcn, 34, 34, 2);
        Graph fitted = graphFit.apply(gcn);
        assertEquals(Shape.of(34, 2), NetworkEnds.of(fitted).outputs().get(0).shape());
        assertEquals(3, graphFit.changes().size(), graphFit.changes().toString());
    }

    @Test
    void aLanguageModelTakesTheTextsVocabularyInItsInputEmbeddingAndOutput() {
        Graph lm = Graph.of(List.of(new Node("tok", "token_input", Map.of("length", 16, "vocabulary", 100), 0, 0),
                        new Node("emb", "embedding", Map.of("vocabulary", 100, "dimension", 8), 1, 0),
                        new Node("head", "dense", Map.of("units", 100), 2, 0)),
                List.of(Edge.of("tok", "out", "emb", "in"), Edge.of("emb", "out", "head", "in")));
        FitNetworkToData fit = FitNetworkToData.forSamples(lm, List.of(DataField.tokens("tokens", 32, 57),
                DataField.tokens("next_tokens", 32, 57)));
        Graph fitted = fit.apply(lm);
        assertEquals(Shape.of(32, 57), NetworkEnds.of(fitted).outputs().get(0).shape());
        assertEquals(57, ((Number) fitted.require("emb").params().get("vocabulary")).intValue());
        assertEquals(4, fit.changes().size(), fit.changes().toString());
        assertEquals(lm, fit.undo(fitted));
        Graph pooled = Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", 20, "features", 1), 0, 0),
                        new Node("gcn1", "gcn", Map.of("units", 8), 1, 0)),
                List.of(Edge.of("g", "features", "gcn1", "features"), Edge.of("g", "adjacency", "gcn1", "adjacency")));
        assertEquals(List.of("g: nodes 20 -> 14", "gcn1: output width (one score per class) 8 -> 2"),
                FitNetworkToData.forGraphSet(pooled, 14, 1, 2).changes());
    }
}
