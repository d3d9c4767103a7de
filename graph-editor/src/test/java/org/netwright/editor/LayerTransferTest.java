package org.netwright.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayerTransferTest {
    @Test
    void roundTripsALayerId() {
        assertEquals(Optional.of("conv2d"), LayerTransfer.decode(LayerTransfer.encode("conv2d")));
        assertEquals("netwright-layer:dense", LayerTransfer.encode("dense"));
    }

    @Test
    void ignoresForeignOrEmptyPayloads() {
        assertTrue(LayerTransfer.decode("dense").isEmpty());
        assertTrue(LayerTransfer.decode("netwright-layer:").isEmpty());
        assertTrue(LayerTransfer.decode(null).isEmpty());
    }
}
