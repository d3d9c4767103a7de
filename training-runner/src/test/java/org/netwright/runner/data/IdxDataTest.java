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
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.templates.data.Samples;
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

    /** Writes an images file of {@code n} 2×2 images (pixels 0..max) and its labels (cycling 0..classes-1). */
    private Path write(String prefix, int n, int max, int classes, boolean gzip) throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + n * 4).putInt(0x803).putInt(n).putInt(2).putInt(2);
        ByteBuffer lab = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            img.put(new byte[] {0, (byte) (max / 2), (byte) max, (byte) (i % max)});
            lab.put((byte) (i % classes));
        }
        String ext = gzip ? ".gz" : "";
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), gzip ? gzip(lab.array()) : lab.array());
        return Files.write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), gzip ? gzip(img.array()) : img.array());
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    private static String refusal(Runnable r) {
        return assertThrows(DataFileException.class, r::run).getMessage();
    }

    @Test
    void gzippedFilesAreToldByTheirContentAndAFolderFindsItsTestFiles() throws IOException {
        write("train", 40, 255, 4, true);
        // Compressed content under a plain name is read too: the bytes decide, not the name.
        Path test = write("t10k", 8, 255, 4, false);
        Files.write(test, gzip(Files.readAllBytes(test)));
        DataRecipe recipe = DataSources.recipeFor(dir);
        assertEquals(IdxData.KIND, recipe.kind(), "a folder of IDX files is IDX data, not a folder of images");
        List<String> notices = new ArrayList<>();
        Samples.Split s = IdxData.load(recipe, dir, null, 0.2, 0.5, 3, notices::add);
        assertEquals(8, s.test().size(), "t10k-* is the test set; the test fraction does not apply");
        assertEquals(40, s.train().size() + s.validation().size());
        assertEquals(8, s.validation().size());
        assertTrue(notices.get(0).contains("pixels 0-255 (divided by 255), 4 classes; 40 for training and validation,"
                + " 8 in t10k-images-idx3-ubyte for testing"), notices.get(0));
        assertEquals(255.0, s.train().transform("image").scale()[0]);
        assertEquals(List.of("0", "1", "2", "3"), s.train().transform("label").labels());
        // Stratified: each of the 4 classes (10 images each) gives 2 of the 8 validation images.
        int[] counts = new int[4];
        for (float v : s.validation().require("label").values()) {
            counts[(int) v]++;
        }
        for (int c : counts) {
            assertEquals(2, c, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void thePixelRangeComesFromTheTrainingFileAndAGivenTestSetUsesIt() throws IOException {
        Path train = write("train", 20, 16, 2, false);
        Files.createDirectories(dir.resolve("other"));
        Path other = write("other/extra", 6, 32, 2, false);
        Samples.Split s = IdxData.load(DataSources.recipeFor(train), train, other, 0.1, 0.1, 1, n -> { });
        assertEquals(6, s.test().size());
        float max = 0;
        for (float v : s.test().require("image").values()) {
            max = Math.max(max, v);
        }
        assertEquals(2f, max, 1e-6, "test pixels are divided by the training file's 16, not their own 32");
        write("other/t10k", 3, 16, 2, false);
        Samples.Split t = IdxData.load(DataSources.recipeFor(train), train, dir.resolve("other"), 0.1, 0.1, 1, n -> { });
        assertEquals(3, t.test().size(), "a test folder gives its t10k-* file");
    }

    @Test
    void badFilesAreRefusedSayingWhatWasFound() throws IOException {
        Path images = write("train", 10, 255, 2, false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, ByteBuffer.allocate(8 + 9).putInt(0x801).putInt(9).array());
        assertTrue(refusal(() -> IdxData.read(images)).contains("holds 10 images but its labels file"
                + " train-labels-idx1-ubyte holds 9 labels"));
        Files.write(labels, ByteBuffer.allocate(8 + 10).putInt(0x801).putInt(10).array());
        byte[] full = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(full, full.length - 3));
        assertTrue(refusal(() -> IdxData.read(images)).contains("(40 pixel bytes) but the file holds 37; it is cut"
                + " short."));
        Files.writeString(images, "label,p0,p1,p2\n1,2,3,4\n");
        String m = refusal(() -> IdxData.read(images));
        assertTrue(m.contains("its first four bytes are 6c 61 62 65") && m.contains("start with 00 00 08 03")
                && m.contains("gzip-compressed IDX file (first bytes 1f 8b"), m);
        Files.write(images, ByteBuffer.allocate(16 + 10).putInt(0x801).putInt(10).array());
        assertTrue(refusal(() -> IdxData.read(images)).contains("that is an IDX labels file: are the two swapped?"));
        byte[] zipped = gzip(full);
        Files.write(images, java.util.Arrays.copyOf(zipped, zipped.length - 12));
        assertTrue(refusal(() -> IdxData.read(images)).contains("is gzip-compressed (it starts with the bytes 1f 8b)"
                + " but is cut short"));
    }

    @Test
    void foldersAndTestSetsThatDoNotFitAreRefused() throws IOException {
        assertTrue(refusal(() -> IdxData.imagesFile(dir)).contains("holds no IDX image file"));
        write("t10k", 4, 255, 2, false);
        assertTrue(refusal(() -> IdxData.imagesFile(dir)).contains("holds only the test images"));
        Path train = write("train", 10, 255, 2, false);
        ByteBuffer big = ByteBuffer.allocate(16 + 4 * 9).putInt(0x803).putInt(4).putInt(3).putInt(3);
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), big.array());
        assertTrue(refusal(() -> IdxData.load(DataSources.recipeFor(dir), dir, null, 0.1, 0.1, 1, n -> { }))
                .contains("holds 3×3 images but the training file train-images-idx3-ubyte holds 2×2"));
        Path one = write("one", 6, 255, 1, false);
        assertTrue(refusal(() -> IdxData.loadAll(DataSources.recipeFor(one), one))
                .contains("holds only the class 0; a classifier needs at least two classes"));
        Files.createDirectories(dir.resolve("x-images-idx3-ubyte.d"));
        assertTrue(refusal(() -> IdxData.read(train.resolveSibling("none-images-idx3-ubyte")))
                .contains("There is no file"));
    }

    @Test
    void aDirectoryWhereAFileIsExpectedIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("sub/a-images-idx3-ubyte"));
        String m = refusal(() -> IdxData.read(dir.resolve("sub/a-images-idx3-ubyte")));
        assertTrue(m.contains("holds no IDX image file") || m.contains("is not a regular file"), m);
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
