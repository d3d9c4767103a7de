package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.compile.Graphs.edge;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/** Our shape inference and DJL must agree on every catalog layer, or the editor would show shapes the runner does not make. */
class CatalogShapesMatchDjlTest {
    private static final Map<String, Object> IMAGE_3x9x11 = Map.of("channels", 3, "height", 9, "width", 11);

    /** The foundation layers: a layer type, its parameters and the inputs that feed its ports. */
    static Stream<LayerCase> cases() {
        Node img = LayerCase.image(3, 9, 11);
        Node vec = LayerCase.vector(7);
        return Stream.of(
                new LayerCase("image_input", Map.of("channels", 3, "height", 9, "width", 11), List.of()),
                new LayerCase("vector_input", Map.of("features", 7), List.of()),
                new LayerCase("dense", Map.of("units", 5), List.of(vec)),
                new LayerCase("dense", Map.of("units", 5, "bias", false), List.of(vec)),
                new LayerCase("flatten", Map.of(), List.of(img)),
                new LayerCase("dropout", Map.of("rate", 0.3), List.of(vec)),
                new LayerCase("relu", Map.of(), List.of(img)),
                new LayerCase("sigmoid", Map.of(), List.of(vec)),
                new LayerCase("tanh", Map.of(), List.of(vec)),
                new LayerCase("softmax", Map.of(), List.of(vec)),
                new LayerCase("conv2d", Map.of("filters", 4, "kernel", 3, "padding", "same"), List.of(img)),
                new LayerCase("conv2d", Map.of("filters", 4, "kernel", 3, "padding", "valid"), List.of(img)),
                new LayerCase("conv2d", Map.of("filters", 4, "kernel", 5, "padding", "explicit", "pad", 1, "stride", 2),
                        List.of(img)),
                new LayerCase("conv2d", Map.of("filters", 2, "kernel", 3, "padding", "same", "dilation", 2, "bias", false),
                        List.of(img)),
                new LayerCase("conv2d", Map.of("filters", 2, "kernel", 3, "padding", "same", "stride", 2), List.of(img)),
                new LayerCase("conv2d", Map.of("filters", 6, "kernel", 3, "padding", "same", "groups", 3), List.of(img)),
                new LayerCase("conv2d", Map.of("filters", 3, "kernel", 3, "padding", "valid", "groups", 3, "bias", false),
                        List.of(img)),
                new LayerCase("max_pool2d", Map.of(), List.of(img)),
                new LayerCase("max_pool2d", Map.of("kernel", 3, "stride", 2, "pad", 1), List.of(img)),
                new LayerCase("add", Map.of("inputs", 3), List.of(vec)),
                new LayerCase("concatenate", Map.of("inputs", 2, "axis", 0),
                        List.of(LayerCase.image(2, 9, 11), img)),
                new LayerCase("concatenate", Map.of("inputs", 2, "axis", -1),
                        List.of(LayerCase.image(3, 9, 4), img)),
                new LayerCase("concatenate", Map.of("inputs", 2, "axis", 1),
                        List.of(LayerCase.image(3, 2, 11), img)));
    }

    /**
     * Every family's cases. A family that adds layers adds its own case source here, so that the
     * coverage test below keeps every catalog entry checked against DJL.
     */
    static Stream<LayerCase> allCases() {
        return Stream.of(cases(), GraphCases.cases(), GenerativeOpsTest.cases(), CompositeBlocksTest.cases(), RecurrentLayersTest.cases(),
                AttentionLayersTest.cases(),
                InputFamilyTest.cases(), CoreFamilyTest.cases(), ActivationFamilyTest.cases(),
                ConvolutionFamilyTest.cases(), MergeFamilyTest.cases()).flatMap(s -> s);
    }

    @Test
    void everyCatalogLayerHasACase() {
        Set<String> covered = new HashSet<>();
        allCases().forEach(c -> covered.add(c.type()));
        Set<String> all = new HashSet<>();
        LayerCatalog.standard().all().forEach(s -> all.add(s.id()));
        all.removeAll(covered);
        assertEquals(Set.of(), all, "catalog layers without a shape-agreement case");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    @Test
    void parametersAreNamedAfterOurNodeIds() {
        GraphBlock block = GraphCompiler.compile(Graphs.residual());
        assertEquals(List.of("a", "b", "out"), List.copyOf(block.weightedNodes().keySet()));
        List<String> names = block.weightedNodes().get("a").getParameters().values().stream()
                .map(Parameter::getName).toList();
        assertEquals(List.of("weight", "bias"), names);
    }
}
