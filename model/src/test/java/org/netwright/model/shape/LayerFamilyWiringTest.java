package org.netwright.model.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.model.SampleGraphs.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Wrong wiring of the new layers is reported on the node, naming what it expected and what arrived; nothing throws. */
class LayerFamilyWiringTest {
    private static final Node IMAGE = node("img", "image_input", Map.of("channels", 3, "height", 32, "width", 32));
    private static final Node VECTOR = node("vec", "vector_input", Map.of("features", 10));
    private static final Node SEQUENCE = node("seq", "sequence_input", Map.of("steps", 4, "features", 6));

    private static Graph single(Node input, String type, Map<String, Object> params) {
        return Graph.of(List.of(input, node("bad", type, params)), List.of(Edge.of(input.id(), "out", "bad", "in")));
    }

    private static Graph merge(String type, Node... inputs) {
        List<Node> nodes = new ArrayList<>(List.of(inputs));
        nodes.add(node("bad", type, Map.of("inputs", inputs.length)));
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            edges.add(Edge.of(inputs[i].id(), "out", "bad", "in" + (i + 1)));
        }
        return Graph.of(nodes, edges);
    }

    static Stream<Arguments> wrongWiring() {
        Graph rankFive = Graph.of(List.of(VECTOR, node("r", "reshape", Map.of("target", "1,1,1,1,10")),
                        node("bad", "batch_norm", Map.of())),
                List.of(Edge.of("vec", "out", "r", "in"), Edge.of("r", "out", "bad", "in")));
        return Stream.of(
                Arguments.of("conv1d fed an image", single(IMAGE, "conv1d", Map.of()),
                        "bad (Conv1d) expects a sequence shaped C×L (channels first), but got an image 3×32×32"),
                Arguments.of("conv_transpose2d fed a vector", single(VECTOR, "conv_transpose2d", Map.of()),
                        "bad (ConvTranspose2d) expects an image shaped C×H×W, but got a vector of 10"),
                Arguments.of("embedding fed an image", single(IMAGE, "embedding", Map.of()),
                        "bad (Embedding) expects token ids (T), e.g. from a Token input, but got an image 3×32×32"),
                Arguments.of("batch_norm fed a rank-5 tensor", rankFive,
                        "bad (Batch normalization) expects a vector (F), a sequence C×L or an image C×H×W, "
                                + "but got a tensor 1×1×1×1×10"),
                Arguments.of("multiply of two shapes", merge("multiply", VECTOR, SEQUENCE),
                        "bad (Multiply) needs inputs of one shape, but in1 is 10 and in2 is 4×6"),
                Arguments.of("split that does not divide", single(VECTOR, "split", Map.of("parts", 3)),
                        "bad (Split) needs axis 0 of a vector of 10 to divide into 3 equal parts, but 10 does not"),
                Arguments.of("split on a missing axis", single(VECTOR, "split", Map.of("axis", 2)),
                        "bad (Split) axis 2 does not exist in a vector of 10"),
                Arguments.of("reshape to another count", single(VECTOR, "reshape", Map.of("target", "3,4")),
                        "bad (Reshape) needs a target holding as many values as the input, but 3,4 holds 12 and "
                                + "a vector of 10 holds 10"),
                Arguments.of("reshape with two -1", single(VECTOR, "reshape", Map.of("target", "-1,-1")),
                        "bad (Reshape) allows one -1 in the target shape, but got -1,-1"),
                Arguments.of("reshape whose -1 cannot be filled", single(VECTOR, "reshape", Map.of("target", "3,-1")),
                        "bad (Reshape) cannot fill the -1 of 3,-1: a vector of 10 holds 10 values, which 3 does not divide"),
                Arguments.of("permute of the wrong rank", single(SEQUENCE, "permute", Map.of("order", "2,0,1")),
                        "bad (Permute) expects an order of the 2 axes of a sequence 4×6 (each of 0,1 once), but got 2,0,1"),
                Arguments.of("group_norm with groups not dividing", single(IMAGE, "group_norm", Map.of("groups", 2)),
                        "bad (Group normalization) needs the 3 channels of an image 3×32×32 to split evenly into 2 groups"),
                Arguments.of("group_norm fed a vector", single(VECTOR, "group_norm", Map.of()),
                        "bad (Group normalization) expects channels first, an image C×H×W or a sequence C×L, "
                                + "but got a vector of 10"),
                Arguments.of("global pooling of a vector", single(VECTOR, "global_avg_pool", Map.of()),
                        "bad (Global average pooling) expects an image C×H×W or a sequence C×L, but got a vector of 10"),
                Arguments.of("upsample fed a sequence", single(SEQUENCE, "upsample", Map.of()),
                        "bad (Upsample) expects an image shaped C×H×W, but got a sequence 4×6"),
                Arguments.of("max_pool1d fed an image", single(IMAGE, "max_pool1d", Map.of()),
                        "bad (MaxPool1d) expects a sequence shaped C×L (channels first), but got an image 3×32×32"),
                Arguments.of("conv1d kernel longer than the sequence",
                        single(SEQUENCE, "conv1d", Map.of("kernel", 9, "padding", "valid")),
                        "bad (Conv1d) the length of 6 is too small for a kernel of 9 with padding 0 and dilation 1"),
                Arguments.of("transposed conv with output padding at the stride",
                        single(IMAGE, "conv_transpose2d", Map.of("stride", 2, "output_padding", 2)),
                        "bad (ConvTranspose2d) needs an output padding below the stride 2, but got 2"),
                Arguments.of("transposed conv that cuts everything",
                        single(node("tiny", "image_input", Map.of("channels", 1, "height", 1, "width", 1)),
                                "conv_transpose2d", Map.of("kernel", 1, "stride", 1, "pad", 1)),
                        "bad (ConvTranspose2d) cuts more than it makes: an image 1×1×1 with kernel 1, stride 1 and pad 1 "
                                + "gives -1×-1"),
                Arguments.of("embedding padding id beyond its vocabulary",
                        single(node("tok", "token_input", Map.of()), "embedding",
                                Map.of("vocabulary", 10, "padding_id", 10)),
                        "bad (Embedding): the padding id 10 must be below the vocabulary size 10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongWiring")
    void isDiagnosedOnTheNodeWithExpectedAndArrivedShapes(String what, Graph graph, String message) {
        GraphShapes shapes = ShapeInference.infer(graph);
        assertEquals(List.of(message), shapes.problems());
        assertTrue(shapes.report("bad").problem().isPresent());
    }

    @Test
    void aTokenInputWhosePaddingIdIsNotAnIdIsReported() {
        Graph g = Graph.of(List.of(node("tok", "token_input", Map.of("vocabulary", 10, "padding_id", 50))), List.of());
        assertEquals(List.of("tok (Token input): the padding id 50 must be below the vocabulary size 10"),
                ShapeInference.infer(g).problems());
    }

    @Test
    void tokenIdsAndAVectorOfFloatsBothReachAnEmbeddingSinceBothAreRankOne() {
        // Shapes cannot tell ids from floats: (T) and (F) look alike, so the embedding accepts both.
        assertTrue(ShapeInference.infer(single(VECTOR, "embedding", Map.of("dimension", 4))).isValid());
    }

    @Test
    void splitHasOneOutputPortPerPartAndEachCarriesItsShare() {
        LayerSpec split = LayerCatalog.standard().require("split");
        assertEquals(List.of("out1", "out2", "out3"), split.outputPorts(split.resolve(Map.of("parts", 3, "axis", -1))));
        Graph g = Graph.of(List.of(SEQUENCE, node("s", "split", Map.of("parts", 3, "axis", -1)),
                        node("after", "relu", Map.of())),
                List.of(Edge.of("seq", "out", "s", "in"), Edge.of("s", "out3", "after", "in")));
        GraphShapes shapes = ShapeInference.infer(g);
        assertTrue(shapes.isValid(), shapes.problems().toString());
        assertEquals(Map.of("out1", Shape.of(4, 2), "out2", Shape.of(4, 2), "out3", Shape.of(4, 2)),
                shapes.report("s").outputs());
        assertEquals(Shape.of(4, 2), shapes.report("after").outputs().get("out"));
    }

    @Test
    void readingAPartThatTheSplitNoLongerHasIsReported() {
        Graph g = Graph.of(List.of(SEQUENCE, node("s", "split", Map.of("parts", 2, "axis", 0)),
                        node("after", "relu", Map.of())),
                List.of(Edge.of("seq", "out", "s", "in"), Edge.of("s", "out3", "after", "in")));
        assertEquals(List.of("after (ReLU): s has no output port 'out3'"), ShapeInference.infer(g).problems());
    }
}
