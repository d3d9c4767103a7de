package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch of per-step points packed into one value reads back as written; a damaged one is refused whole. */
class StepBlockTest {
    private static List<MetricPoint> unpacked(byte[] block) {
        StepSeries.Builder b = new StepSeries.Builder("train/loss");
        StepBlock.unpack(block, b);
        StepSeries s = b.build();
        List<MetricPoint> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            assertTrue(Double.isNaN(s.seconds(i)), "no seconds are kept");
            out.add(new MetricPoint(s.step(i), s.epoch(i), s.key(), s.value(i), 0));
        }
        return out;
    }

    private static List<MetricPoint> withoutSeconds(List<MetricPoint> points) {
        return points.stream().map(p -> new MetricPoint(p.step(), p.epoch(), p.key(), p.value(), 0)).toList();
    }

    @Test
    void stepsOneByOneAcrossAnEpochsEndReadBackWithTheirEpochsAndANaN() {
        List<MetricPoint> written = new ArrayList<>();
        for (int s = 998; s <= 1003; s++) {
            written.add(new MetricPoint(s, s <= 1000 ? 1 : 2, "train/loss", s == 1001 ? Double.NaN : 1.0 / s, s));
        }
        byte[] block = StepBlock.pack(written);
        assertEquals(withoutSeconds(written), unpacked(block));
        // One step, two runs of epochs, six values: the steps themselves are not listed.
        assertEquals(1 + 4 + 8 + 1 + 4 + 2 * 8 + 6 * 8, block.length);
    }

    @Test
    void stepsWithGapsOrRepeatsAreListed() {
        List<MetricPoint> written = List.of(new MetricPoint(5, 1, "train/loss", 0.5, 0),
                new MetricPoint(9, 1, "train/loss", 0.4, 0), new MetricPoint(9, 3, "train/loss", 0.3, 0),
                new MetricPoint(2, 3, "train/loss", -1e300, 0));
        assertEquals(written, unpacked(StepBlock.pack(written)));
    }

    @Test
    void aDamagedOrForeignBlockIsRefusedAndAppendsNothing() {
        byte[] good = StepBlock.pack(List.of(new MetricPoint(1, 1, "train/loss", 0.5, 0),
                new MetricPoint(2, 1, "train/loss", 0.4, 0)));
        List<byte[]> bad = List.of(new byte[0], Arrays.copyOf(good, good.length - 1),
                Arrays.copyOf(good, good.length + 8), withByte(good, 0, (byte) 2), withByte(good, 1, (byte) 7));
        for (byte[] block : bad) {
            StepSeries.Builder into = new StepSeries.Builder("train/loss");
            assertThrows(IllegalArgumentException.class, () -> StepBlock.unpack(block, into));
            assertEquals(0, into.build().size(), "nothing of a refused block is kept");
        }
        assertThrows(IllegalArgumentException.class, () -> StepBlock.pack(List.of()));
    }

    private static byte[] withByte(byte[] block, int at, byte value) {
        byte[] out = block.clone();
        out[at] = value;
        return out;
    }
}
