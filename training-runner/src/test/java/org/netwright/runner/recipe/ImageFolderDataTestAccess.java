package org.netwright.runner.recipe;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes the shared 8×8 digits as grey PNGs: train/DIGIT/ for the first 1437 rows, test/DIGIT/ for the last 360. */
final class ImageFolderDataTestAccess {
    private ImageFolderDataTestAccess() {
    }

    static void writeDigits(Path root) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "..", "shared", "data", "digits", "digits.csv"));
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 64; p++) {
                img.getRaster().setSample(p % 8, p / 8, 0, Math.round(Float.parseFloat(cells[p]) * 255 / 16));
            }
            Path classDir = root.resolve(r <= 1437 ? "train" : "test").resolve(cells[64].trim());
            Files.createDirectories(classDir);
            ImageIO.write(img, "png", classDir.resolve(String.format("%04d.png", r)).toFile());
        }
    }
}
