package org.netwright.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkChangeTest {
    private static Graph net() {
        return Graph.empty()
                .withNode(new Node("in", "input", Map.of("shape", "2"), 0, 0))
                .withNode(new Node("dense", "dense", Map.of("units", 64), 100, 0))
                .withNode(new Node("out", "dense", Map.of("units", 2), 200, 0))
                .connect(Edge.of("in", "out", "dense", "in"))
                .connect(Edge.of("dense", "out", "out", "in"));
    }

    @Test
    void movedCardsAndNumbersReadBackFromJsonAreTheSameNetwork() {
        Graph moved = net().withNode(new Node("dense", "dense", Map.of("units", 64.0), 500, 300));
        assertEquals(Optional.empty(), NetworkChange.between(net(), moved));
        assertTrue(NetworkChange.sameNetwork(net(), moved));
    }

    @Test
    void aChangedParameterIsNamedWithBothValues() {
        Graph narrower = net().withNode(new Node("dense", "dense", Map.of("units", 32), 100, 0));
        assertEquals(Optional.of("layer 'dense' has units 32 now, 64 then"), NetworkChange.between(net(), narrower));
    }

    @Test
    void addedAndRemovedLayersAndConnectionsAreNamed() {
        Graph more = net().withNode(new Node("extra", "relu", Map.of(), 0, 0));
        assertEquals(Optional.of("layer 'extra' (relu) was added"), NetworkChange.between(net(), more));
        assertEquals(Optional.of("layer 'extra' (relu) was removed"), NetworkChange.between(more, net()));
        Graph cut = net().disconnect(Edge.of("dense", "out", "out", "in"));
        assertEquals(Optional.of("the connection dense.out \u2192 out.in was removed"),
                NetworkChange.between(net(), cut));
        Graph retyped = net().withNode(new Node("dense", "conv1d", Map.of("units", 64), 100, 0));
        assertEquals(Optional.of("layer 'dense' is a conv1d now, a dense then"), NetworkChange.between(net(), retyped));
    }
}
