package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.generate.GanSampler;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Samples;

/**
 * The {@code dcgan} template on a folder of real handwritten digits (the 1437 training digits of
 * {@code ../shared/data/digits}, 8×8, written as PNG files, one folder per class), as {@code train --template dcgan
 * --data FOLDER} runs it: the network keeps the 16×16 its generator draws and the images are resized to it, the
 * discriminator reads them, and after the default epochs the samples look like the data: their mean distance to the
 * nearest real digit is under half that of uniform noise, and they differ from one another (mean per-pixel std across
 * 64 samples above 0.05). The share of samples whose 10 nearest real digits agree on a label (7 votes or more) is
 * printed but not asserted: uniform noise got 0.42 there, samples 0.67, too close to tell drawing from chance.
 */
@Tag("training")
class DcganImageFolderTest {
    /** The shared digits: system property netwright.data, else ../../shared/data. */
    private static final Path DIGITS = Path.of(System.getProperty("netwright.data", "../../shared/data"), "digits");
    private static final int COUNT = 64;
    private static final int K = 10;

    @TempDir
    Path dir;

    @Test
    void dcganOnAFolderOfRealDigitsDrawsDigits() throws IOException {
        Path folder = dir.resolve("digits");
        int written = writeDigitFolder(folder);
        assertEquals(1437, written);
        Template t = TemplateLibrary.find("dcgan").orElseThrow();
        TrainingSettings asked = t.settings().withData(DataSources.recipeFor(folder));
        DataSources.Fitted fitted = DataSources.fitNetwork(t.graph(), asked, dir);
        assertEquals(List.of("the images are resized from 8×8 to 16×16, the size the generator 'image' draws for digit"),
                fitted.changes());
        Graph graph = fitted.graph();
        assertEquals(t.graph(), graph, "the template keeps its size: the generator and discriminator still match");
        TrainingSettings settings = fitted.settings();
        Samples.Split split = DataSources.loadSplit(settings, dir, NetworkEnds.of(graph), notice -> { });
        TrainingRun run = new TrainingRun(graph, settings, split);
        assertEquals(Task.GAN, run.task().recipe());
        String realField = run.task().fieldOf("digit").orElseThrow();
        AtomicReference<byte[]> last = new AtomicReference<>();
        run.addListener(new RunListener() {
            @Override
            public void checkpoint(int epoch, byte[] weights) {
                last.set(weights);
            }
        });
        long start = System.nanoTime();
        RunResult result = run.run();
        assertEquals("completed", result.status(), result.message());
        assertEquals(t.settings().epochs(), result.epochs().size(), "the template's default epochs");

        int size = 16 * 16;
        Samples train = split.train();
        float[] real = train.require(realField).values();
        float[] labelValues = train.require("label").values();
        int[] labels = new int[labelValues.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Math.round(labelValues[i]);
        }
        int realCount = real.length / size;
        float[] fake;
        try (GanSampler sampler = GanSampler.open(graph, run.task(), last.get())) {
            fake = sampler.sample(COUNT, 7, null);
        }
        Random r = new Random(7);
        float[] noise = new float[COUNT * size];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextFloat();
        }
        double fakeDistance = nearest(fake, real, realCount, size);
        double noiseDistance = nearest(noise, real, realCount, size);
        double fakeVoted = clearlyVoted(fake, real, labels, size);
        double noiseVoted = clearlyVoted(noise, real, labels, size);
        double spread = spread(fake, size);
        writeGrid(fake, dir.resolve("samples.png"));
        System.out.printf("dcgan on a digit folder: d_loss %.3f, nearest real %.3f (noise %.3f), per-pixel std"
                        + " %.3f, clear vote %.2f (noise %.2f), %.0f s%n",
                result.epochs().get(result.epochs().size() - 1).metrics().get("d_loss"),
                fakeDistance, noiseDistance, spread, fakeVoted, noiseVoted, (System.nanoTime() - start) / 1e9);
        assertTrue(fakeDistance < 0.5 * noiseDistance, "samples are " + fakeDistance + " from the nearest digit, noise "
                + noiseDistance);
        assertTrue(spread > 0.05, "the generated images hardly differ: per-pixel std " + spread);
    }

    /** Writes the IDX training digits as 8-bit grey PNG files (0-16 scaled to 0-255), one folder per digit. */
    static int writeDigitFolder(Path folder) throws IOException {
        try (InputStream imageFile = Files.newInputStream(DIGITS.resolve("train-images-idx3-ubyte"));
             InputStream labelFile = Files.newInputStream(DIGITS.resolve("train-labels-idx1-ubyte"));
             DataInputStream images = new DataInputStream(imageFile);
             DataInputStream labels = new DataInputStream(labelFile)) {
            images.readInt();
            int n = images.readInt();
            int h = images.readInt();
            int w = images.readInt();
            labels.readInt();
            labels.readInt();
            for (int i = 0; i < n; i++) {
                BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        b.getRaster().setSample(x, y, 0, images.readUnsignedByte() * 255 / 16);
                    }
                }
                Path classDir = Files.createDirectories(folder.resolve(Integer.toString(labels.readUnsignedByte())));
                ImageIO.write(b, "png", classDir.resolve(String.format("%04d.png", i)).toFile());
            }
            return n;
        }
    }

    /** The fraction of {@code images} whose {@value #K} nearest real images agree on one label by at least 7 votes. */
    private static double clearlyVoted(float[] images, float[] real, int[] labels, int size) {
        int n = images.length / size;
        int clear = 0;
        for (int i = 0; i < n; i++) {
            List<double[]> near = new ArrayList<>();
            for (int j = 0; j < labels.length; j++) {
                double d = 0;
                for (int p = 0; p < size; p++) {
                    double diff = images[i * size + p] - real[j * size + p];
                    d += diff * diff;
                }
                near.add(new double[] {d, labels[j]});
            }
            near.sort((a, b) -> Double.compare(a[0], b[0]));
            int[] votes = new int[10];
            for (int k = 0; k < K; k++) {
                votes[(int) near.get(k)[1]]++;
            }
            if (java.util.Arrays.stream(votes).max().orElse(0) >= 7) {
                clear++;
            }
        }
        return clear / (double) n;
    }

    /** The mean over pixels of the standard deviation across the samples. */
    private static double spread(float[] images, int size) {
        int n = images.length / size;
        double total = 0;
        for (int p = 0; p < size; p++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                sum += images[i * size + p];
                squares += images[i * size + p] * images[i * size + p];
            }
            double mean = sum / n;
            total += Math.sqrt(Math.max(0, squares / n - mean * mean));
        }
        return total / size;
    }

    /** The mean over {@code images} of the Euclidean distance to the nearest of the {@code count} real images. */
    private static double nearest(float[] images, float[] real, int count, int size) {
        double total = 0;
        int n = images.length / size;
        for (int i = 0; i < n; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < count; j++) {
                double d = 0;
                for (int p = 0; p < size && d < best; p++) {
                    double diff = images[i * size + p] - real[j * size + p];
                    d += diff * diff;
                }
                best = Math.min(best, d);
            }
            total += Math.sqrt(best);
        }
        return total / n;
    }

    /** An 8×8 grid of the samples, for a person to look at (kept under the test's folder only while it runs). */
    private static void writeGrid(float[] images, Path file) throws IOException {
        BufferedImage grid = new BufferedImage(8 * 16, 8 * 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < COUNT; i++) {
            for (int p = 0; p < 256; p++) {
                int v = (int) Math.round(Math.max(0, Math.min(1, images[i * 256 + p])) * 255);
                grid.getRaster().setSample((i % 8) * 16 + p % 16, (i / 8) * 16 + p / 16, 0, v);
            }
        }
        ImageIO.write(grid, "png", file.toFile());
        String keep = System.getProperty("netwright.keepSamples");
        if (keep != null) {
            Files.copy(file, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
