package org.netwright.runner.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netwright.model.settings.DataRecipe;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.data.GraphData;
import org.netwright.runner.data.IdxData;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.ImageAugmentation;
import org.netwright.runner.data.ImageFolderData;
import org.netwright.runner.data.MissingPolicy;
import org.netwright.runner.data.TableOptions;
import org.netwright.runner.data.TextClassData;
import org.netwright.runner.data.TimeSeriesData;

/**
 * The data options of {@code train --data PATH}, declared once: a CSV with {@code --target} is a time series
 * ({@code --window}, {@code --horizon}, {@code --features}, {@code --relative}); a folder is an image folder ({@code --image-size},
 * {@code --grayscale}, {@code --augment SPEC} for training images); any other CSV is a table ({@code --label},
 * {@code --features}, {@code --missing}), or with {@code --text-column} a table of texts, as is a folder of {@code .txt}
 * files per class ({@code --tokenizer}, {@code --vocabulary}, {@code --max-length}, {@code --keep-case});
 * {@code --test PATH} names a separate test set of the same kind, which replaces the test split. Each becomes an
 * option of the data recipe, so the run's stored settings keep it.
 */
final class DataFlags {
    private static final List<String> SERIES = List.of("--target", "--window", "--horizon", "--relative");
    private static final List<String> IMAGES = List.of("--image-size", "--cache-mb");
    private static final List<String> TABLE = List.of("--label", "--missing");
    private static final List<String> TEXT = List.of("--tokenizer", "--vocabulary", "--max-length", "--keep-case");
    static final Set<String> VALUE_FLAGS = Set.of("--target", "--window", "--horizon", "--features", "--image-size",
            "--label", "--missing", "--test", "--text-column", "--tokenizer", "--vocabulary", "--max-length",
            "--augment", "--cache-mb");
    static final Set<String> SWITCHES = Set.of("--grayscale", "--relative", "--keep-case");

    private DataFlags() {
    }

    /** Whether any data option is given (they need {@code --data}). */
    static boolean any(Args args) {
        return VALUE_FLAGS.stream().anyMatch(args::has) || SWITCHES.stream().anyMatch(args::has);
    }

    /** The recipe {@code --data} named, with the data options applied; refuses options that do not fit its kind. */
    static DataRecipe apply(Args args, DataRecipe recipe) {
        Map<String, Object> options = new LinkedHashMap<>(recipe.options());
        String kind = recipe.kind();
        if (args.has("--target")) {
            if (!kind.equals("csv")) {
                throw new UsageException("--target names the column of a time series in a CSV file; --data names "
                        + (kind.equals(ImageFolderData.KIND) ? "a folder" : "a " + kind + " file"));
            }
            kind = TimeSeriesData.KIND;
            options.put("target", args.value("--target").get());
            options.put("window", args.intValue("--window", 1, 100_000).orElse(24));
            options.put("horizon", args.intValue("--horizon", 1, 100_000).orElse(1));
            args.value("--features").ifPresent(f -> options.put("features", f));
            if (args.has("--relative")) {
                options.put(TimeSeriesData.RELATIVE, true);
            }
        } else {
            for (String flag : SERIES) {
                if (args.has(flag)) {
                    throw new UsageException(flag + " applies to a time series: give the column to forecast with"
                            + " --target COLUMN");
                }
            }
        }
        if (args.has("--text-column")) {
            if (!kind.equals("csv")) {
                throw new UsageException("--text-column names the column of texts in a CSV file; --data names "
                        + (kind.equals(ImageFolderData.KIND) ? "a folder" : "a " + kind + " file"));
            }
            kind = TextClassData.KIND;
            options.put(TableOptions.TEXT_COLUMN, args.value("--text-column").get());
        }
        boolean table = kind.equals("csv");
        boolean text = kind.equals(TextClassData.KIND);
        for (String flag : TABLE) {
            if (args.has(flag) && !table && !(text && flag.equals("--label"))) {
                throw new UsageException(flag + " applies to a table (a CSV or TSV file given with --data)");
            }
        }
        if (args.has("--features") && !table && !kind.equals(TimeSeriesData.KIND)) {
            throw new UsageException("--features names the columns of a table or a time series in a CSV file");
        }
        for (String flag : TEXT) {
            if (args.has(flag) && !text) {
                throw new UsageException(flag + " applies to texts: a CSV file with --text-column COLUMN, or a folder"
                        + " of .txt files per class");
            }
        }
        if (table || text) {
            args.value("--label").ifPresent(v -> options.put(TableOptions.LABEL, v));
            args.value("--missing").ifPresent(v -> options.put(TableOptions.MISSING, missingPolicy(v)));
            if (table) {
                args.value("--features").ifPresent(v -> options.put(TableOptions.FEATURES, v));
            }
            args.value("--tokenizer").ifPresent(v -> {
                if (!v.equals("word") && !v.equals("char")) {
                    throw new UsageException("--tokenizer takes word or char; got '" + v + "'");
                }
                options.put(TableOptions.TOKENIZER, v);
            });
            args.intValue("--vocabulary", 3, 10_000_000).ifPresent(v -> options.put(TableOptions.VOCABULARY, v));
            args.intValue("--max-length", 1, 100_000).ifPresent(v -> options.put(TableOptions.MAX_LENGTH, v));
            if (args.has("--keep-case")) {
                options.put(TableOptions.LOWERCASE, false);
            }
        }
        if (kind.equals(ImageFolderData.KIND)) {
            args.value("--image-size").ifPresent(v -> options.put("image_size", v));
            args.value("--cache-mb").ifPresent(v -> options.put(ImageFolderData.CACHE_MB, v));
            if (args.has("--grayscale")) {
                options.put("grayscale", true);
            }
        } else if (kind.equals(IdxData.KIND) && !args.has("--grayscale") && !args.has("--cache-mb")) {
            // IDX images are grey already; they can be resized.
            args.value("--image-size").ifPresent(v -> options.put("image_size", v));
        } else if (IMAGES.stream().anyMatch(args::has) || args.has("--grayscale")) {
            throw new UsageException("--image-size, --grayscale and --cache-mb apply to a folder of images given with"
                    + " --data DIR (--image-size to IDX images too)");
        }
        if (args.has("--test")) {
            // A table's or texts' test file is read by the table reader; other kinds by their own readers.
            options.put(DataSources.TEST, testSet(args.value("--test").get(), kind, options, table || text));
        }
        if (args.has("--augment")) {
            if (!kind.equals(ImageFolderData.KIND) && !kind.equals(IdxData.KIND)) {
                throw new UsageException("--augment changes training images; --data names no folder of images or IDX"
                        + " images");
            }
            try {
                options.put(ImageAugmentation.OPTION, ImageAugmentation.parse(args.value("--augment").get()).spec());
            } catch (DataFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new DataRecipe(kind, options);
    }

    /** {@code --test PATH} as an absolute path, refused for data that has no separate test set. */
    private static String testSet(String text, String kind, Map<String, Object> options, boolean tableOrText) {
        if (kind.equals(TimeSeriesData.KIND)) {
            throw new UsageException("--test does not apply to a time series: its test part is its last stretch in"
                    + " time; set the fractions with --split TRAIN,VAL,TEST");
        }
        if (kind.equals("generator")) {
            throw new UsageException("--test names a test set for data from a file or folder; a generator splits its"
                    + " own samples (set the fractions with --split TRAIN,VAL,TEST)");
        }
        Object data = options.get("path");
        if (kind.equals("csv") && data != null && GraphData.isEdgeList(Path.of(data.toString()))) {
            throw new UsageException("--test does not apply to a graph; mark the test nodes with a 'split' column"
                    + " (train, val or test) in the node table");
        }
        if (kind.equals("csv") && data != null && GraphData.isGraphSetEdgeList(Path.of(data.toString()))) {
            throw new UsageException("--test does not apply to a set of graphs; mark the test graphs with a 'split'"
                    + " column (train, val or test) in the graph table");
        }
        if (tableOrText) {
            return testFile(text, kind.equals(TextClassData.KIND));
        }
        Path test = Path.of(text).toAbsolutePath();
        if (!Files.exists(test)) {
            throw new UsageException("there is no test set " + text + " (--test)");
        }
        return test.toString();
    }

    /** {@code --missing}'s policy as the recipe keeps it, refused with the choices when unknown. */
    private static String missingPolicy(String text) {
        try {
            return MissingPolicy.of(text).word();
        } catch (DataFileException e) {
            throw new UsageException(e.getMessage().replaceAll("\\.$", ""));
        }
    }

    /**
     * {@code --test PATH}: an existing file (or for texts a folder), kept as an absolute path so the run's settings
     * find it again.
     */
    private static String testFile(String text, boolean folderAllowed) {
        Path p = Path.of(text).toAbsolutePath();
        if (!Files.isRegularFile(p) && !(folderAllowed && Files.isDirectory(p))) {
            throw new UsageException("there is no test set " + text + " (--test)");
        }
        return p.toString();
    }
}
