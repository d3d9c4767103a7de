package org.netwright.runner.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.netwright.model.shape.Shape;
import org.netwright.templates.data.Dataset;

/**
 * Reads an IDX image file ({@code *-images-idx3-ubyte}, unsigned bytes N×H×W) with its labels file
 * ({@code *-labels-idx1-ubyte}) beside it, as 1×H×W images scaled to 0..1 by the largest pixel value.
 */
public final class IdxData {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxData() {
    }

    /** Whether a path names an IDX image file. */
    public static boolean isImageFile(Path file) {
        return file.getFileName().toString().contains("images-idx3-ubyte");
    }

    /** The labels file that belongs to an images file. */
    public static Path labelsFor(Path images) {
        String name = images.getFileName().toString().replace("images-idx3-ubyte", "labels-idx1-ubyte");
        return images.resolveSibling(name);
    }

    public static Dataset read(Path images) {
        if (!isImageFile(images)) {
            throw new DataFileException(images + " is not an IDX image file (its name must contain 'images-idx3-ubyte').");
        }
        Path labelsFile = labelsFor(images);
        long imageBytes = DataFiles.require(images);
        long labelBytes = DataFiles.require(labelsFile);
        if (labelBytes > imageBytes) {
            // Each image has one label byte and at least one pixel byte, so a larger labels file is not this one's.
            throw new DataFileException(labelsFile + " is larger than its images file " + images.getFileName()
                    + "; it is not the labels of those images.");
        }
        DataFiles.requireRoom(images + "'s pixels", imageBytes);
        ByteBuffer img = load(images);
        ByteBuffer lab = load(labelsFile);
        if (img.remaining() < 16 || img.getInt() != IMAGES_MAGIC) {
            throw new DataFileException(images + " is not an IDX file of unsigned-byte images (magic 0x00000803).");
        }
        if (lab.remaining() < 8 || lab.getInt() != LABELS_MAGIC) {
            throw new DataFileException(labelsFile + " is not an IDX file of unsigned-byte labels (magic 0x00000801).");
        }
        int n = img.getInt();
        int h = img.getInt();
        int w = img.getInt();
        int nLabels = lab.getInt();
        if (n != nLabels) {
            throw new DataFileException(images + " has " + n + " images but " + labelsFile + " has " + nLabels + " labels.");
        }
        if (n < 1 || h < 1 || w < 1 || img.remaining() != (long) n * h * w || lab.remaining() != n) {
            throw new DataFileException(images + " or its labels file is cut short or has extra bytes.");
        }
        float[] pixels = new float[n * h * w];
        int max = 0;
        for (int i = 0; i < pixels.length; i++) {
            int v = img.get() & 0xFF;
            pixels[i] = v;
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] /= max;
            }
        }
        int[] labels = new int[n];
        int classes = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = lab.get() & 0xFF;
            classes = Math.max(classes, labels[i] + 1);
        }
        return new Dataset(pixels, Shape.of(1, h, w), labels, classes);
    }

    private static ByteBuffer load(Path file) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataFileException("There is no file " + file + ".");
        } catch (IOException e) {
            throw new DataFileException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
