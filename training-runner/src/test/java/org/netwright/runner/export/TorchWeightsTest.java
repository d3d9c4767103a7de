package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.templates.TemplateLibrary;

/** Checkpoint tensors under PyTorch's state-dict names, and weights that do not fit the graph refused by name. */
class TorchWeightsTest {
    @Test
    void djlNamesBecomeStateDictNames() {
        assertEquals("weight_ih_l0", TorchWeights.parameter("l_0_i2h_WEIGHT"));
        assertEquals("bias_hh_l0", TorchWeights.parameter("l_0_h2h_BIAS"));
        assertEquals("weight", TorchWeights.parameter("gamma"));
        assertEquals("running_var", TorchWeights.parameter("runningVar"));
        assertEquals("att_i", TorchWeights.parameter("att_i"));
    }

    @Test
    void nestedBlocksLoseTheirPositionPrefixes() {
        var graph = TemplateLibrary.find("transformer-seq2seq").orElseThrow().graph();
        try (SeededNetwork net = new SeededNetwork(graph, 1, 3)) {
            Map<String, Npz.Array> state = TorchWeights.stateDict(graph, net.weights);
            assertTrue(state.containsKey("encoder.self_attention.query.weight"), state.keySet().toString());
            assertTrue(state.containsKey("decoder.cross_attention.out.bias"), state.keySet().toString());
            assertTrue(state.containsKey("decoder.norm3.weight"), state.keySet().toString());
            assertArrayEquals(new long[] {64, 64}, state.get("encoder.self_attention.query.weight").shape());
        }
    }

    @Test
    void weightsOfAnotherGraphAreRefusedNamingTheLayer() {
        var moons = TemplateLibrary.find("two-moons-mlp").orElseThrow().graph();
        var shapes = TemplateLibrary.find("shapes-cnn").orElseThrow().graph();
        try (SeededNetwork net = new SeededNetwork(shapes, 1, 3)) {
            ExportException e = assertThrows(ExportException.class, () -> TorchWeights.stateDict(moons, net.weights));
            assertTrue(e.getMessage().contains("conv2d_1") || e.getMessage().contains("graph changed"), e.getMessage());
        }
    }

    @Test
    void aGraphThatCannotRunIsRefused() {
        ExportException e = assertThrows(ExportException.class, () -> TorchSource.modelPy(
                org.netwright.model.graph.Graph.of(List.of(new org.netwright.model.graph.Node("in", "vector_input",
                        Map.of("features", 2), 0, 0)), List.of()).withNode(new org.netwright.model.graph.Node("x",
                        "composite_output", Map.of(), 0, 0))));
        assertTrue(e.getMessage().startsWith("The graph cannot run"), e.getMessage());
    }
}
