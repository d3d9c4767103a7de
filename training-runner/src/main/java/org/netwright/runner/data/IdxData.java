package org.netwright.runner.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.templates.data.DataLimits;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Samples;

/**
 * IDX image data as MNIST ships it: an images file ({@code *-images-idx3-ubyte}, unsigned bytes N×H×W) with its
 * labels file ({@code *-labels-idx1-ubyte}) beside it, either plain or gzip-compressed (told by the content, the
 * {@code .gz} ending is optional). {@code --data} names the images file or the folder holding it; a
 * {@code t10k-*} images file beside a {@code train-*} one is the test set, unless the recipe's
 * {@value DataSources#TEST} option names another. Samples are {@code image} (1×H×W, pixels divided by the largest
 * pixel of the training file: 16 for the shared digits, 255 for MNIST) and {@code label} (the class id).
 */
public final class IdxData {
    /** The recipe kind of IDX data. */
    public static final String KIND = "idx";
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final Pattern IMAGES = Pattern.compile("images[-.]idx3-ubyte", Pattern.CASE_INSENSITIVE);
    private static final String TEST_PREFIX = "t10k";

    private IdxData() {
    }

    /** One IDX images file read with its labels: pixels as stored (0..255) and one class id per image. */
    record Images(Path file, int count, int height, int width, byte[] pixels, int[] labels) {
        /** The largest pixel value, which the pixels are divided by. */
        int maxPixel() {
            int max = 0;
            for (byte b : pixels) {
                max = Math.max(max, b & 0xFF);
            }
            return max;
        }

        int classes() {
            return IntStream.of(labels).max().orElse(-1) + 1;
        }
    }

    /** Whether a path names an IDX image file ({@code images-idx3-ubyte} in its name, compressed or not). */
    public static boolean isImageFile(Path file) {
        return file.getFileName() != null && IMAGES.matcher(file.getFileName().toString()).find();
    }

    /** Whether a folder holds IDX image files (then {@code --data FOLDER} is IDX data, not a folder of images). */
    public static boolean isIdxFolder(Path dir) {
        return Files.isDirectory(dir) && !imageFiles(dir).isEmpty();
    }

    /** The labels file that belongs to an images file: same name with {@code labels-idx1}, with or without {@code .gz}. */
    public static Path labelsFor(Path images) {
        String name = images.getFileName().toString();
        var m = IMAGES.matcher(name);
        String labels = m.find() ? name.substring(0, m.start()) + "labels" + name.charAt(m.start() + 6) + "idx1-ubyte"
                + name.substring(m.end()) : name;
        Path exact = images.resolveSibling(labels);
        if (Files.exists(exact)) {
            return exact;
        }
        Path other = images.resolveSibling(labels.endsWith(".gz") ? labels.substring(0, labels.length() - 3)
                : labels + ".gz");
        return Files.exists(other) ? other : exact;
    }

    /** The training images file that {@code --data} names: the file itself, or the one non-{@code t10k} file of a folder. */
    public static Path imagesFile(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) {
            if (!isImageFile(fileOrFolder)) {
                throw new DataFileException(fileOrFolder + " is not an IDX image file (its name must contain"
                        + " 'images-idx3-ubyte', as in train-images-idx3-ubyte or train-images-idx3-ubyte.gz).");
            }
            return fileOrFolder;
        }
        List<Path> all = imageFiles(fileOrFolder);
        List<Path> training = all.stream().filter(p -> !isTestName(p)).toList();
        if (all.isEmpty()) {
            throw new DataFileException(fileOrFolder + " holds no IDX image file (*-images-idx3-ubyte or"
                    + " *-images-idx3-ubyte.gz).");
        }
        if (training.isEmpty()) {
            throw new DataFileException(fileOrFolder + " holds only the test images " + all.get(0).getFileName()
                    + "; add the training images (e.g. train-images-idx3-ubyte) beside them.");
        }
        if (training.size() > 1) {
            throw new DataFileException(fileOrFolder + " holds several IDX image files (" + String.join(", ",
                    training.stream().map(p -> p.getFileName().toString()).toList()) + ")" + (DataOption.forApp()
                    ? "; choose the one to train on with Choose file… in File > Import Data…."
                    : "; name the one to train on with --data FILE."));
        }
        return training.get(0);
    }

    /** The test images a {@code --test} path names: the file itself, or a folder's {@code t10k-*} file, else its only one. */
    static Path testImagesFile(Path fileOrFolder) {
        if (Files.isDirectory(fileOrFolder)) {
            List<Path> tests = imageFiles(fileOrFolder).stream().filter(IdxData::isTestName).toList();
            if (tests.size() == 1) {
                return tests.get(0);
            }
        }
        return imagesFile(fileOrFolder);
    }

    /** The {@code t10k-*} images file beside a {@code train-*} one, when there is one. */
    public static Optional<Path> testFileFor(Path images) {
        String name = images.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).startsWith("train")) {
            return Optional.empty();
        }
        String base = TEST_PREFIX + name.substring("train".length());
        String plain = base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base;
        return Stream.of(images.resolveSibling(plain), images.resolveSibling(plain + ".gz"))
                .filter(Files::isRegularFile).findFirst();
    }

    private static boolean isTestName(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(TEST_PREFIX);
    }

    private static List<Path> imageFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).filter(IdxData::isImageFile).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException("Cannot read the folder " + dir + ": " + e.getMessage());
        }
    }

    /** An images file and its labels as a dataset, pixels divided by the file's largest pixel (kept for old callers). */
    public static Dataset read(Path images) {
        Images img = readImages(imagesFile(images));
        int max = img.maxPixel();
        float[] pixels = scaled(img, max > 0 ? max : 1);
        return new Dataset(pixels, Shape.of(1, img.height(), img.width()), img.labels(), Math.max(1, img.classes()));
    }

    /** The training images of the recipe's file or folder as samples (no test set), for a data check or a task's fields. */
    public static Samples loadAll(DataRecipe recipe, Path path) {
        Images train = readImages(imagesFile(path));
        return samples(recipe, train, scale(train), train.classes());
    }

    /**
     * The recipe's images split for training: a given test set (option {@value DataSources#TEST}, else a
     * {@code t10k-*} file beside a {@code train-*} one) is the test part and the training file gives training and
     * validation; otherwise the training file is split by the fractions, stratified by class with {@code seed}.
     * What was read goes to {@code notices} in one line.
     */
    public static Samples.Split load(DataRecipe recipe, Path path, Path testFile, double validationFraction,
                                     double testFraction, long seed, Consumer<String> notices) {
        Path imagesFile = imagesFile(path);
        Images train = readImages(imagesFile);
        Optional<Path> testPath = testFile != null ? Optional.of(testImagesFile(testFile)) : testFileFor(imagesFile);
        Images test = testPath.map(IdxData::readImages).orElse(null);
        if (test != null && (test.height() != train.height() || test.width() != train.width())) {
            throw new DataFileException(test.file() + " holds " + test.height() + "×" + test.width() + " images but the"
                    + " training file " + imagesFile.getFileName() + " holds " + train.height() + "×" + train.width()
                    + "; a test set must have the training images' size.");
        }
        int scale = scale(train);
        int classes = Math.max(train.classes(), test == null ? 0 : test.classes());
        Samples trainSamples = samples(recipe, train, scale, classes);
        Object size = recipe.options().get("image_size");
        String what = imagesFile + ": IDX images " + train.height() + "×" + train.width() + (size == null ? ""
                : " resized to " + size.toString().replace('x', '×')) + ", pixels 0-" + scale
                + " (divided by " + scale + "), " + classes + " classes; ";
        if (test == null) {
            notices.accept(what + train.count() + " images split " + fractions(validationFraction, testFraction)
                    + " (no t10k-* test file beside it).");
            return trainSamples.stratifiedSplit(validationFraction, testFraction, seed);
        }
        notices.accept(what + train.count() + " for training and validation, " + test.count() + " in "
                + test.file().getFileName() + " for testing.");
        Samples.Split s = trainSamples.stratifiedSplit(validationFraction, 0, seed);
        return new Samples.Split(s.train(), s.validation(), samples(recipe, test, scale, classes));
    }

    private static String fractions(double validation, double test) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f %% into training, validation and test",
                100 * (1 - validation - test), 100 * validation, 100 * test);
    }

    /** The pixel divisor: the training file's largest pixel, 1 when every pixel is 0. */
    private static int scale(Images train) {
        return Math.max(1, train.maxPixel());
    }

    /** The images as fields, resized when the recipe asks for another size ({@code image_size}), with their transforms. */
    private static Samples samples(DataRecipe recipe, Images img, int scale, int classes) {
        if (classes < 2) {
            throw new DataFileException(labelsFor(img.file()) + " holds only the class " + Math.max(0, classes - 1)
                    + "; a classifier needs at least two classes.");
        }
        float[] pixels = scaled(img, scale);
        int h = img.height();
        int w = img.width();
        FieldTransform pixelsT = new FieldTransform(new double[] {0}, new double[] {scale}, List.of(), Map.of())
                .withOption("pixel_scale", Integer.toString(scale));
        Object size = recipe.options().get("image_size");
        if (size != null) {
            int[] hw = ImageSize.parse(size.toString());
            if (hw[0] != h || hw[1] != w) {
                pixels = ImageSize.resize(pixels, img.count(), 1, h, w, hw[0], hw[1]);
                h = hw[0];
                w = hw[1];
            }
            pixelsT = pixelsT.withOption("image_size", h + "x" + w);
        }
        float[] ids = new float[img.count()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = img.labels()[i];
        }
        List<String> names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new Samples(List.of(new Samples.Column(DataField.values("image", Shape.of(1, h, w)), pixels),
                new Samples.Column(DataField.classId("label", classes), ids)), img.count(), false)
                .withTransform("image", pixelsT).withTransform("label", FieldTransform.named(names));
    }

    private static float[] scaled(Images img, int scale) {
        float[] pixels = new float[img.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (img.pixels()[i] & 0xFF) / (float) scale;
        }
        return pixels;
    }

    /** Reads and checks an images file and its labels file; every refusal names the file and what was found. */
    static Images readImages(Path images) {
        Path labelsFile = labelsFor(images);
        ByteBuffer img = ByteBuffer.wrap(bytes(images));
        ByteBuffer lab = ByteBuffer.wrap(bytes(labelsFile));
        checkMagic(images, img, IMAGES_MAGIC, "images", 16);
        checkMagic(labelsFile, lab, LABELS_MAGIC, "labels", 8);
        int n = img.getInt();
        int h = img.getInt();
        int w = img.getInt();
        int nLabels = lab.getInt();
        if (n != nLabels) {
            throw new DataFileException(images + " holds " + n + " images but its labels file " + labelsFile.getFileName()
                    + " holds " + nLabels + " labels; each image needs one label.");
        }
        if (n < 1 || h < 1 || w < 1) {
            throw new DataFileException(images + "'s header gives " + n + " images of " + h + "×" + w
                    + "; an IDX images file needs at least one image of at least 1×1.");
        }
        long expected = (long) n * h * w;
        if (img.remaining() != expected) {
            throw new DataFileException(images + "'s header gives " + n + " images of " + h + "×" + w + " (" + expected
                    + " pixel bytes) but the file holds " + img.remaining() + (img.remaining() < expected
                    ? "; it is cut short." : "; it has extra bytes at the end."));
        }
        if (lab.remaining() != n) {
            throw new DataFileException(labelsFile + "'s header gives " + n + " labels but the file holds " + lab.remaining()
                    + " label bytes" + (lab.remaining() < n ? "; it is cut short." : "; it has extra bytes at the end."));
        }
        DataFiles.requireRoom(images + "'s pixels", (double) expected);
        byte[] pixels = new byte[(int) expected];
        img.get(pixels);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = lab.get() & 0xFF;
        }
        return new Images(images, n, h, w, pixels, labels);
    }

    private static void checkMagic(Path file, ByteBuffer buf, int magic, String what, int header) {
        if (buf.remaining() < 4) {
            throw new DataFileException(file + " holds " + buf.remaining() + " bytes, fewer than the " + header
                    + "-byte header of an IDX " + what + " file.");
        }
        int found = buf.getInt();
        if (found == magic) {
            if (buf.remaining() < header - 4) {
                throw new DataFileException(file + " holds " + (buf.remaining() + 4) + " bytes, fewer than the "
                        + header + "-byte header of an IDX " + what + " file.");
            }
            return;
        }
        String hex = String.format("%02x %02x %02x %02x", found >>> 24, (found >>> 16) & 0xFF, (found >>> 8) & 0xFF,
                found & 0xFF);
        String expected = String.format("%02x %02x %02x %02x", magic >>> 24, (magic >>> 16) & 0xFF,
                (magic >>> 8) & 0xFF, magic & 0xFF);
        String hint = found == (magic == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC)
                ? " (that is an IDX " + (magic == IMAGES_MAGIC ? "labels" : "images") + " file: are the two swapped?)"
                : "";
        throw new DataFileException(file + " does not start as an IDX " + what + " file: its first four bytes are "
                + hex + hint + ", where IDX " + what + " start with " + expected + ". A gzip-compressed IDX file"
                + " (first bytes 1f 8b, usually named .gz) is decompressed and read as well; anything else is not IDX"
                + " data.");
    }

    /** The file's bytes, decompressed when it is gzip (first bytes 1f 8b), whatever its name says. */
    static byte[] bytes(Path file) {
        long size = DataFiles.require(file);
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException("There is no file " + file + ".");
        } catch (IOException e) {
            throw new DataFileException("Cannot read " + file + ": " + e.getMessage());
        }
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1f || (raw[1] & 0xFF) != 0x8b) {
            return raw;
        }
        long max = DataLimits.maxFileBytes();
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, size * 4));
            byte[] chunk = new byte[1 << 16];
            for (int r = in.read(chunk); r >= 0; r = in.read(chunk)) {
                out.write(chunk, 0, r);
                if (out.size() > max) {
                    throw new DataFileException(file + " decompresses to more than " + DataLimits.size(max)
                            + "; this Java reads data of up to that size: give Java more memory (-Xmx).");
                }
            }
            return out.toByteArray();
        } catch (EOFException e) {
            throw new DataFileException(file + " is gzip-compressed (it starts with the bytes 1f 8b) but is cut short:"
                    + " the compressed data ends early. Download or copy it again.");
        } catch (ZipException e) {
            throw new DataFileException(file + " is gzip-compressed (it starts with the bytes 1f 8b) but is damaged ("
                    + e.getMessage() + "). Download or copy it again.");
        } catch (IOException e) {
            throw new DataFileException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
