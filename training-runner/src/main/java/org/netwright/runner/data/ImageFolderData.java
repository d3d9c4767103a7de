package org.netwright.runner.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.templates.data.DataLimits;
import org.netwright.templates.data.Samples;

/**
 * A folder of images as classification data: recipe kind {@value #KIND}, options {@code path} (the folder),
 * {@code image_size} ({@code HxW}; default the most common size), {@code grayscale} (one channel; default when every
 * image is grey) and {@value #CLASSES} (the class names in id order, written by {@link #pinClasses}). The folder
 * holds one sub-folder of PNG or JPEG images per class, named after the class, or {@code train/} and {@code test/}
 * folders laid out so, in which case {@code test/} is the test part. Samples have the fields {@code image}
 * (channels × height × width, pixels scaled to 0..1) and {@code label} (the class id, classes in name order).
 * Images of another size are resized, and images that cannot be decoded are skipped; both are reported as notices.
 */
public final class ImageFolderData {
    public static final String KIND = "images";
    /** The recipe option that holds the class names, comma-separated, in id order. */
    public static final String CLASSES = "classes";
    /**
     * The recipe option giving the megabytes of decoded images kept in memory ({@code --cache-mb}); a folder whose
     * decoded pixels need more is decoded lazily. Default: a quarter of the Java heap.
     */
    public static final String CACHE_MB = "cache_mb";
    private static final int LISTED = 5;

    private ImageFolderData() {
    }

    /**
     * One image as this reader makes a training sample of it: resized (bilinear) to height×width when its size
     * differs, channels first, pixels scaled to 0..1, grey from colour as the luma; for predicting on a single file.
     */
    public static float[] pixels(BufferedImage image, int channels, int height, int width) {
        Read read = new Read(new DataRecipe(KIND, Map.of()), notice -> { });
        read.channels = channels;
        read.height = height;
        read.width = width;
        BufferedImage sized = image.getHeight() != height || image.getWidth() != width ? read.resize(image) : image;
        float[] out = new float[channels * height * width];
        read.fill(sized, out, 0);
        return out;
    }

    /** Whether the folder has its own test part ({@code train/} and {@code test/} sub-folders). */
    static boolean hasTestFolder(Path dir) {
        return Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("test"));
    }

    /**
     * The folder's images split for training: a given test folder ({@code testDir}, laid out as the folder) or the
     * folder's own {@code test/} is the test part; the rest is split at random (with {@code seed}, stratified by
     * class) into training, validation and test by the fractions.
     */
    public static Samples.Split load(DataRecipe recipe, Path dir, Path testDir, double validationFraction,
                                     double testFraction, long seed, Consumer<String> notices) {
        Path trainDir = hasTestFolder(dir) ? dir.resolve("train") : dir;
        Path testPart = testDir != null ? (hasTestFolder(testDir) ? testDir.resolve("test") : testDir)
                : hasTestFolder(dir) ? dir.resolve("test") : null;
        if (testPart != null) {
            if (!Files.isDirectory(testPart)) {
                throw new DataFileException(testPart + " is not a folder; the test set of an image folder is a folder"
                        + " laid out the same way (one sub-folder of images per class).");
            }
            List<String> classes = classNames(trainDir);
            Read read = new Read(recipe, notices);
            Samples train = read.samples(trainDir, classes);
            Samples test = read.samples(testPart, classes);
            read.report(dir);
            notices.accept(dir + ": images " + read.describe() + ", " + classes.size() + " classes; " + train.size()
                    + " for training and validation, " + test.size() + " in " + testPart + " for testing.");
            Samples.Split s = read.noted(train, classes).stratifiedSplit(validationFraction, 0, seed);
            return new Samples.Split(s.train(), s.validation(), read.noted(test, classes));
        }
        List<String> classes = classNames(dir);
        Read read = new Read(recipe, notices);
        Samples all = read.samples(dir, classes);
        read.report(dir);
        notices.accept(dir + ": images " + read.describe() + ", " + classes.size() + " classes, " + all.size()
                + " images.");
        return read.noted(all, classes).stratifiedSplit(validationFraction, testFraction, seed);
    }

    /** Every image of the folder (training ones first), for a data check or a task's fields. */
    public static Samples loadAll(DataRecipe recipe, Path dir, Consumer<String> notices) {
        Read read = new Read(recipe, notices);
        Samples all;
        List<String> classes;
        if (hasTestFolder(dir)) {
            classes = classNames(dir.resolve("train"));
            Samples train = read.samples(dir.resolve("train"), classes);
            Samples test = read.samples(dir.resolve("test"), classes);
            all = concat(train, test);
        } else {
            classes = classNames(dir);
            all = read.samples(dir, classes);
        }
        read.report(dir);
        return read.noted(all, classes);
    }

    /** The recipe with its class names written out (option {@value #CLASSES}); unchanged when it has them. */
    public static DataRecipe pinClasses(DataRecipe recipe, Path dir) {
        if (recipe.options().get(CLASSES) != null) {
            return recipe;
        }
        Map<String, Object> options = new LinkedHashMap<>(recipe.options());
        options.put(CLASSES, String.join(",", classNames(hasTestFolder(dir) ? dir.resolve("train") : dir)));
        return new DataRecipe(recipe.kind(), options);
    }

    /** The class folders' names in sorted order; refused when the folder has none or only one. */
    static List<String> classNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(Files.exists(dir) ? dir + " is a file, not a folder; a folder of images holds"
                    + " one sub-folder of images per class." : "There is no folder " + dir + ".");
        }
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.matches(".*\\.(csv|tsv|txt|gz|png|jpe?g)$") || name.contains("-ubyte")) {
            throw new DataFileException(dir + " is a folder, though its name is a data file's; name the file itself,"
                    + " or a folder holding one sub-folder of images per class.");
        }
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) {
            names = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException("Cannot read the folder " + dir + ": " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw new DataFileException(dir + " has no class folders; put the images of each class in a folder named"
                    + " after the class (e.g. " + dir.resolve("cat") + "/001.png).");
        }
        if (names.size() < 2) {
            throw new DataFileException(dir + " has one class folder (" + names.get(0) + "); a classifier needs at"
                    + " least two.");
        }
        return names;
    }

    private static Samples concat(Samples a, Samples b) {
        List<Samples.Column> columns = new ArrayList<>();
        for (DataField f : a.fields()) {
            Samples.Column ca = a.require(f.name());
            Samples.Column cb = b.require(f.name());
            if (ca.isLazy() || cb.isLazy()) {
                if (!(ca.source() instanceof LazyImages la) || !(cb.source() instanceof LazyImages lb)) {
                    throw new IllegalStateException("The training images are read lazily and the test ones are not:"
                            + " both parts of one folder are read alike.");
                }
                columns.add(Samples.Column.lazy(f, LazyImages.concat(la, lb)));
                continue;
            }
            float[] x = a.require(f.name()).values();
            float[] y = b.require(f.name()).values();
            float[] all = Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, all, x.length, y.length);
            columns.add(new Samples.Column(f, all));
        }
        return new Samples(columns, a.size() + b.size(), false);
    }

    /** The image, or null when it cannot be decoded (corrupt, truncated or another format). */
    static BufferedImage decodeImage(Path f) {
        return Read.decode(f);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    /** One reading of a folder's images: the size and channels chosen once, and what was skipped or resized. */
    private static final class Read {
        private final DataRecipe recipe;
        private final Consumer<String> notices;
        private final List<String> skipped = new ArrayList<>();
        private final long budgetBytes;
        private int resized;
        private int height;
        private int width;
        private int channels;
        /** The cache of a lazily read folder, shared by its train and test parts; null while everything fits. */
        private SampleCache cache;
        private int nextKey;

        Read(DataRecipe recipe, Consumer<String> notices) {
            this.recipe = recipe;
            this.notices = notices;
            this.budgetBytes = budget(recipe);
        }

        /**
         * The images under {@code dir}'s class folders, which must be among {@code classes}. Every image is decoded
         * once here, on {@link LazyImages#THREADS} threads, to list the ones that cannot be and to learn the sizes;
         * when the decoded pixels fit the cache budget they are kept as one array, else the image field is a lazy
         * column whose images are decoded again when a batch needs them, at most the budget kept.
         */
        Samples samples(Path dir, List<String> classes) {
            List<String> here = classNames(dir);
            List<Path> found = new ArrayList<>();
            List<Integer> foundLabels = new ArrayList<>();
            Map<Path, Integer> perClass = new LinkedHashMap<>();
            for (String name : here) {
                int id = classes.indexOf(name);
                if (id < 0) {
                    throw new DataFileException(dir.resolve(name) + " is a class the training images do not have;"
                            + " the test folder's classes must be among " + String.join(", ", classes) + ".");
                }
                Path classDir = dir.resolve(name);
                List<Path> files;
                try (Stream<Path> entries = Files.list(classDir)) {
                    files = entries.filter(ImageFolderData::isImage).sorted().toList();
                } catch (IOException e) {
                    throw new DataFileException("Cannot read the folder " + classDir + ": " + e.getMessage());
                }
                perClass.put(classDir, files.size());
                for (Path f : files) {
                    if (!Files.isRegularFile(f)) {
                        // Named as an image but a folder (or a device): list it, do not read into it.
                        skipped.add(dir.relativize(f) + " (not a file)");
                        continue;
                    }
                    found.add(f);
                    foundLabels.add(id);
                }
            }
            ImageScan scan = ImageScan.of(found, budgetBytes);
            List<Path> paths = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            List<ImageScan.Image> images = new ArrayList<>();
            Map<Path, Integer> readPerClass = new HashMap<>();
            for (int i = 0; i < found.size(); i++) {
                ImageScan.Image img = scan.images().get(i);
                if (img == null) {
                    skipped.add(dir.relativize(found.get(i)).toString());
                    continue;
                }
                paths.add(found.get(i));
                labels.add(foundLabels.get(i));
                images.add(img);
                readPerClass.merge(found.get(i).getParent(), 1, Integer::sum);
            }
            for (Map.Entry<Path, Integer> c : perClass.entrySet()) {
                if (readPerClass.getOrDefault(c.getKey(), 0) == 0) {
                    throw new DataFileException("The class folder " + c.getKey() + " holds no " + (c.getValue() == 0
                            ? "PNG or JPEG images" : "readable images (" + c.getValue() + " could not be decoded)")
                            + "; add images or remove the folder.");
                }
            }
            if (channels == 0) {
                choose(images);
            }
            long perImage = (long) channels * height * width;
            float[] ids = new float[images.size()];
            for (int i = 0; i < images.size(); i++) {
                ids[i] = labels.get(i);
                if (images.get(i).height() != height || images.get(i).width() != width) {
                    resized++;
                }
            }
            Samples.Column label = new Samples.Column(DataField.classId("label", classes.size()), ids);
            DataField field = DataField.values("image", Shape.of(channels, height, width));
            double decodedBytes = (double) images.size() * perImage * Float.BYTES;
            if (scan.allKept() && decodedBytes <= budgetBytes) {
                DataFiles.requireRoom(dir + "'s " + images.size() + " images of " + channels + "×" + height + "×"
                        + width, (double) images.size() * perImage);
                float[] pixels = new float[Math.toIntExact(images.size() * perImage)];
                for (int i = 0; i < images.size(); i++) {
                    BufferedImage img = images.get(i).kept();
                    fill(img.getHeight() != height || img.getWidth() != width ? resize(img) : img, pixels,
                            (int) (i * perImage));
                }
                return new Samples(List.of(new Samples.Column(field, pixels), label), images.size(), false);
            }
            if (cache == null) {
                cache = new SampleCache(budgetBytes);
            }
            LazyImages lazy = LazyImages.of(paths, nextKey, this::decodeSample, cache, Math.toIntExact(perImage));
            nextKey += paths.size();
            notices.accept(dir + ": " + images.size() + " images decode to " + DataLimits.size(decodedBytes)
                    + ", more than the cache of " + DataLimits.size(budgetBytes) + " (" + (budgetOption() != null
                    ? DataOption.CACHE_MB.named() : "a quarter of the Java heap") + "): they are decoded when a batch needs them, on "
                    + LazyImages.THREADS + " background thread" + (LazyImages.THREADS == 1 ? "" : "s")
                    + ", and at most " + DataLimits.size(budgetBytes) + " of them kept.");
            return new Samples(List.of(Samples.Column.lazy(field, lazy), label), images.size(), false);
        }

        /** One image as a sample (decoded, resized, filled): what a lazy column reads for each image it is asked for. */
        private float[] decodeSample(Path f) {
            BufferedImage img = decode(f);
            if (img == null) {
                throw new DataFileException(f + " could not be decoded any more (it could when the folder was read);"
                        + " was it changed during the run?");
            }
            float[] out = new float[channels * height * width];
            fill(img.getHeight() != height || img.getWidth() != width ? resize(img) : img, out, 0);
            return out;
        }

        private Object budgetOption() {
            return recipe.options().get(CACHE_MB);
        }

        /** The cache budget in bytes: option {@value #CACHE_MB} (megabytes), else a quarter of the Java heap. */
        private static long budget(DataRecipe recipe) {
            Object mb = recipe.options().get(CACHE_MB);
            if (mb == null) {
                return DataLimits.maxValues() * Float.BYTES;
            }
            double v;
            try {
                v = Double.parseDouble(mb.toString().trim());
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new DataFileException(DataOption.CACHE_MB.namedFirst() + " takes the megabytes of decoded"
                        + " images to keep in memory, a number of 0 or more (e.g. 512); got '" + mb + "'"
                        + (DataOption.forApp() ? "; choose the images again with " + DataOption.CACHE_MB.where() : "")
                        + ".");
            }
            return (long) (v * 1024 * 1024);
        }

        /** The image, or null when it cannot be decoded (corrupt, truncated or another format). */
        private static BufferedImage decode(Path f) {
            try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
                if (in == null) {
                    return null;
                }
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return null;
                }
                ImageReader reader = readers.next();
                boolean[] warned = new boolean[1];
                // A truncated JPEG decodes with a warning and a grey bottom; such an image is not the user's picture.
                reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
                try {
                    reader.setInput(in, true, true);
                    BufferedImage img = reader.read(0);
                    return warned[0] ? null : img;
                } finally {
                    reader.dispose();
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The size (option image_size, else the most common) and channels (grey when asked or all grey). */
        private void choose(List<ImageScan.Image> images) {
            Object size = recipe.options().get("image_size");
            if (size != null) {
                int[] hw = ImageSize.parse(size.toString());
                height = hw[0];
                width = hw[1];
            } else {
                Map<Long, Integer> counts = new HashMap<>();
                long best = 0;
                int bestCount = 0;
                for (ImageScan.Image img : images) {
                    long key = ((long) img.height() << 32) | img.width();
                    int c = counts.merge(key, 1, Integer::sum);
                    if (c > bestCount) {
                        best = key;
                        bestCount = c;
                    }
                }
                height = (int) (best >>> 32);
                width = (int) best;
            }
            Object grey = recipe.options().get("grayscale");
            boolean asked = grey != null && Boolean.parseBoolean(grey.toString());
            channels = asked || images.stream().allMatch(ImageScan.Image::grey) ? 1 : 3;
        }

        private BufferedImage resize(BufferedImage img) {
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            return out;
        }

        /** Writes the image's pixels, channels first, scaled to 0..1; grey from RGB is the luma. */
        private void fill(BufferedImage img, float[] into, int at) {
            Raster raster = img.getRaster();
            boolean grey = img.getColorModel().getNumColorComponents() == 1 && raster.getNumBands() >= 1;
            double max = grey ? (1 << img.getColorModel().getComponentSize(0)) - 1 : 255;
            int plane = height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = y * width + x;
                    if (grey) {
                        float v = (float) (raster.getSample(x, y, 0) / max);
                        for (int c = 0; c < channels; c++) {
                            into[at + c * plane + p] = v;
                        }
                        continue;
                    }
                    int rgb = img.getRGB(x, y);
                    float r = ((rgb >> 16) & 0xff) / 255f;
                    float gr = ((rgb >> 8) & 0xff) / 255f;
                    float b = (rgb & 0xff) / 255f;
                    if (channels == 1) {
                        into[at + p] = 0.299f * r + 0.587f * gr + 0.114f * b;
                    } else {
                        into[at + p] = r;
                        into[at + plane + p] = gr;
                        into[at + 2 * plane + p] = b;
                    }
                }
            }
        }

        /** E.g. {@code 1×8×8 (grey)}. */
        String describe() {
            return channels + "×" + height + "×" + width + (channels == 1 ? " (grey)" : " (RGB)");
        }

        /** The samples with their transforms noted: pixels divided by 255, the size and channels, the class names. */
        Samples noted(Samples s, List<String> classes) {
            FieldTransform pixels = new FieldTransform(new double[] {0}, new double[] {255}, List.of(), Map.of())
                    .withOption("image_size", height + "x" + width)
                    .withOption("grayscale", Boolean.toString(channels == 1));
            return s.withTransform("image", pixels).withTransform("label", FieldTransform.named(classes));
        }

        /** One notice for resized images and one for skipped ones, naming the first few. */
        void report(Path dir) {
            if (resized > 0) {
                notices.accept(dir + ": " + resized + " images were resized to " + height + "×" + width
                        + " (the images have several sizes" + (recipe.options().get("image_size") != null
                        ? ", or another size than " + DataOption.IMAGE_SIZE.named() : "; set one with " + DataOption.IMAGE_SIZE.where()) + ").");
            }
            if (!skipped.isEmpty()) {
                notices.accept(dir + ": skipped " + skipped.size() + " image" + (skipped.size() == 1 ? "" : "s")
                        + " that could not be decoded: " + String.join(", ", skipped.subList(0,
                        Math.min(LISTED, skipped.size()))) + (skipped.size() > LISTED ? ", ..." : "") + ".");
            }
        }
    }
}
