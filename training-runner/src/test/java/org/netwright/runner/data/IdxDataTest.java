package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.shape.Shape;
import org.netwright.templates.data.Dataset;

class IdxDataTest {
    @TempDir
    Path dir;

    @Test
    void readsImagesWithTheirLabelsScaledByTheLargestPixel() throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + 2 * 4).putInt(0x803).putInt(2).putInt(2).putInt(2);
        img.put(new byte[] {0, 50, 100, (byte) 200, 0, 0, 0, 100});
        ByteBuffer lab = ByteBuffer.allocate(8 + 2).putInt(0x801).putInt(2).put((byte) 3).put((byte) 1);
        Path images = Files.write(dir.resolve("x-images-idx3-ubyte"), img.array());
        Files.write(dir.resolve("x-labels-idx1-ubyte"), lab.array());
        Dataset d = IdxData.read(images);
        assertEquals(Shape.of(1, 2, 2), d.sampleShape());
        assertEquals(4, d.numClasses());
        assertEquals(1.0f, d.features()[3]);
        assertEquals(0.25f, d.features()[1]);
        assertEquals(3, d.labels()[0]);
    }

    @Test
    void aMissingLabelsFileIsNamed() throws IOException {
        Path images = Files.write(dir.resolve("y-images-idx3-ubyte"), new byte[16]);
        var e = assertThrows(DataFileException.class, () -> IdxData.read(images));
        assertTrue(e.getMessage().contains("y-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void realDigitsAreEightByEight() {
        Path images = CliPaths.digits().resolve("train-images-idx3-ubyte");
        Assumptions.assumeTrue(Files.isRegularFile(images));
        Dataset d = IdxData.read(images);
        assertEquals(1437, d.size());
        assertEquals(Shape.of(1, 8, 8), d.sampleShape());
        assertEquals(10, d.numClasses());
    }
}
