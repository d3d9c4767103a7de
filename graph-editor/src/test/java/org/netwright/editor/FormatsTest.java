package org.netwright.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void macsAreShortWithDecimalPrefixes() {
        assertEquals("1 MAC", Formats.macs(1));
        assertEquals("640 MACs", Formats.macs(640));
        assertEquals("12.3 K MACs", Formats.macs(12_300));
        assertEquals("1.2 M MACs", Formats.macs(1_234_567));
        assertEquals("3.4 G MACs", Formats.macs(3_400_000_000L));
        // Rounding up to the next prefix reads "1.0 M", not "1000.0 K".
        assertEquals("1.0 M MACs", Formats.macs(999_990));
    }
}
