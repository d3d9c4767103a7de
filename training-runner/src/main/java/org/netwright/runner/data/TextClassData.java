package org.netwright.runner.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.templates.data.Samples;

/**
 * Texts with a class each, for a text classifier: recipe kind {@value #KIND}, either a CSV/TSV file whose option
 * {@code text_column} names the text (the label column given or guessed as for tables), or a folder with one
 * sub-folder of {@code .txt} files per class (the sub-folder's name is the class; {@code train/} and {@code test/}
 * above them give a test set). Each text becomes {@code tokens}, a TOKEN_IDS field of {@code max_length} ids (0 pads,
 * 1 is a token outside the vocabulary), and {@code label}. The vocabulary is fitted on the training part only and
 * kept as the tokens field's transform labels (index = id); token ids are never standardized.
 */
public final class TextClassData {
    public static final String KIND = "text_classes";
    static final String PAD = "<pad>";
    static final String UNKNOWN = "<unk>";

    private TextClassData() {
    }

    /** Whether {@code dir} holds class folders of {@code .txt} files (directly or under {@code train/}). */
    public static boolean isTextFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        Path classes = Files.isDirectory(dir.resolve("train")) ? dir.resolve("train") : dir;
        try (Stream<Path> subs = Files.list(classes)) {
            return subs.filter(Files::isDirectory).limit(50).anyMatch(TextClassData::holdsText);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean holdsText(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.limit(200).anyMatch(TextClassData::isTxt);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isTxt(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /** Reads the recipe's texts, split with these fractions (the test fraction is unused with a test set) and seed. */
    public static TableData.Loaded load(DataRecipe recipe, Path path, Path baseDir, double validation, double test,
                                        long seed) {
        TableOptions options = TableOptions.of(recipe);
        List<String> notices = new ArrayList<>();
        Texts texts = Files.isDirectory(path) ? fromFolder(path, testPath(options, baseDir), notices)
                : fromTable(path, options, baseDir, notices);
        int[] fileRows = java.util.stream.IntStream.range(0, texts.fileCount).toArray();
        int[] testRows = java.util.stream.IntStream.range(texts.fileCount, texts.text.size()).toArray();
        int[] classOf = texts.label.stream().mapToInt(Integer::intValue).toArray();
        int[][] parts;
        if (testRows.length > 0) {
            int[][] s = StratifiedSplit.split(fileRows, classOf.length == 0 ? null : Arrays.copyOf(classOf, fileRows.length),
                    validation, 0, seed);
            parts = new int[][] {s[0], s[1], testRows};
        } else {
            parts = StratifiedSplit.split(fileRows, Arrays.copyOf(classOf, fileRows.length), validation, test, seed);
        }
        if (parts[0].length == 0) {
            throw new DataFileException(path + " has too few texts (" + fileRows.length + ") to keep some for training.");
        }
        Tokenizer tokenizer = new Tokenizer(options.tokenizer(), options.lowercase());
        List<List<String>> tokens = texts.text.stream().map(tokenizer::tokens).toList();
        List<String> vocabulary = vocabulary(tokens, parts[0], options.vocabulary());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i);
        }
        int length = options.maxLength();
        int n = tokens.size();
        DataFiles.requireRoom(path + "'s " + n + " texts of " + length + " tokens", (double) n * length);
        float[] values = new float[n * length];
        float[] labels = new float[n];
        int cut = 0;
        int longest = 0;
        long unknown = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            List<String> t = tokens.get(i);
            longest = Math.max(longest, t.size());
            if (t.size() > length) {
                cut++;
            }
            for (int j = 0; j < Math.min(length, t.size()); j++) {
                Integer id = ids.get(t.get(j));
                values[i * length + j] = id == null ? 1 : id;
                unknown += id == null ? 1 : 0;
                total++;
            }
            labels[i] = classOf[i];
        }
        Samples samples = new Samples(List.of(
                new Samples.Column(DataField.tokens("tokens", length, vocabulary.size()), values),
                new Samples.Column(DataField.classId("label", texts.classes.size()), labels)), n, false)
                .withTransform("tokens", FieldTransform.named(vocabulary).withOption("tokenizer", options.tokenizer())
                        .withOption("lowercase", String.valueOf(options.lowercase())).withOption("strip_html", "true")
                        .withOption("max_length", String.valueOf(length)).withOption("padding_id", "0")
                        .withOption("unknown_id", "1"))
                .withTransform("label", FieldTransform.named(texts.classes).withOption("column", texts.labelName));
        notices.add("Tokens: " + options.tokenizer() + " tokenizer" + (options.lowercase() ? ", lower-cased" : "")
                + ", HTML tags stripped; a vocabulary of " + vocabulary.size() + " ids (padding 0, unknown 1) fitted on"
                + " the " + parts[0].length + " training texts only (" + DataOption.VOCABULARY.set(options.vocabulary()) + ")."
                + " Token ids are not standardized.");
        int[] lengths = parts[0].length == 0 ? new int[] {0}
                : Arrays.stream(parts[0]).map(r -> tokens.get(r).size()).sorted().toArray();
        int p95 = lengths[Math.min(lengths.length - 1, (int) Math.ceil(0.95 * lengths.length) - 1)];
        notices.add(String.format(Locale.ROOT, "Length: %d tokens per text (" + DataOption.MAX_LENGTH.named() + "); %d of %d texts were longer"
                + " and were cut (the longest has %d)%s; %.1f%% of the tokens kept are outside the vocabulary.", length,
                cut, n, longest, cut * 10 > n && p95 > length ? "; " + DataOption.MAX_LENGTH.set(p95) + " would keep 95% of the"
                        + " training texts whole" : "", total == 0 ? 0.0 : 100.0 * unknown / total));
        notices.add(String.format(Locale.ROOT, "Split: %d texts to train on, %d to validate, %d to test%s.",
                parts[0].length, parts[1].length, parts[2].length, testRows.length > 0 ? " (the given test set)"
                        : " (each class cut in the same fractions)"));
        int[] counts = new int[texts.classes.size()];
        for (int c : classOf) {
            counts[c]++;
        }
        List<Integer> classCounts = Arrays.stream(counts).boxed().toList();
        DataSummary.imbalance(texts.classes, classCounts, n).ifPresent(notices::add);
        DataSummary summary = new DataSummary("texts", path.toString(), n, samples.fields(),
                Optional.of("classification"), Optional.of(texts.labelName), texts.labelGuessed, texts.classes,
                classCounts, List.of(texts.textName), texts.missing, "drop",
                new int[] {parts[0].length, parts[1].length, parts[2].length}, notices);
        return new TableData.Loaded(samples.subset(fileRows), new Samples.Split(samples.subset(parts[0]),
                samples.subset(parts[1]), samples.subset(parts[2])), summary);
    }

    /** The most frequent training tokens (ties in text order) after padding and unknown, at most {@code max} in all. */
    static List<String> vocabulary(List<List<String>> tokens, int[] train, int max) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : train) {
            for (String t : tokens.get(r)) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>(List.of(PAD, UNKNOWN));
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(Math.max(0, max - 2)).forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** Texts with class ids; the first {@code fileCount} come from the file or training folder, the rest are the test set. */
    private record Texts(List<String> text, List<Integer> label, List<String> classes, int fileCount, String labelName,
                         boolean labelGuessed, String textName, int missing) {
    }

    private static Texts fromTable(Path file, TableOptions options, Path baseDir, List<String> notices) {
        CsvTable table = CsvTable.read(file);
        String[] header = table.header();
        String textName = options.textColumn().orElseThrow(() -> new DataFileException("A table of texts needs"
                + " " + DataOption.TEXT_COLUMN.where() + " naming the column that holds the text."));
        int textCol = table.column(textName);
        if (textCol < 0) {
            throw new DataFileException(file + " has no column '" + textName + "' for " + DataOption.TEXT_COLUMN.named() + "; its columns are "
                    + String.join(", ", header) + ".");
        }
        int labelCol;
        boolean guessed = options.label().isEmpty();
        if (options.label().isPresent()) {
            labelCol = table.column(options.label().get());
            if (labelCol < 0) {
                throw new DataFileException(file + " has no column '" + options.label().get() + "' for " + DataOption.LABEL.named() + "; its"
                        + " columns are " + String.join(", ", header) + ".");
            }
        } else {
            OptionalInt g = LabelColumn.guess(header);
            if (g.isPresent() && g.getAsInt() != textCol) {
                labelCol = g.getAsInt();
                notices.add("Label: the column '" + header[labelCol] + "' (guessed from its name; choose another with"
                        + " " + DataOption.LABEL.where() + ").");
            } else if (header.length == 2) {
                labelCol = 1 - textCol;
                notices.add("Label: the column '" + header[labelCol] + "', the only column besides the text (choose"
                        + " another with " + DataOption.LABEL.where() + ").");
            } else {
                throw new DataFileException(file + " has no column named like a label; name the column to predict with"
                        + " " + DataOption.LABEL.where() + " (its columns are " + String.join(", ", header) + ").");
            }
        }
        if (labelCol == textCol) {
            throw new DataFileException(DataOption.LABEL.named() + " and " + DataOption.TEXT_COLUMN.named() + " name the same column '" + header[textCol] + "'.");
        }
        List<String[]> rows = new ArrayList<>(table.rows());
        int fileCount = rows.size();
        Path testFile = testPath(options, baseDir);
        if (testFile != null) {
            CsvTable t = CsvTable.read(testFile);
            int tt = t.column(header[textCol]);
            int tl = t.column(header[labelCol]);
            if (tt < 0 || tl < 0) {
                throw new DataFileException(testFile + " has no column '" + header[tt < 0 ? textCol : labelCol] + "', which "
                        + file.getFileName() + " has; a test file needs the same columns.");
            }
            for (String[] r : t.rows()) {
                String[] row = new String[header.length];
                row[textCol] = r[tt];
                row[labelCol] = r[tl];
                rows.add(row);
            }
        }
        List<String> text = new ArrayList<>();
        List<String> labelText = new ArrayList<>();
        int missing = 0;
        int fileKept = 0;
        for (int r = 0; r < rows.size(); r++) {
            String l = rows.get(r)[labelCol];
            if (Cells.missing(l)) {
                missing++;
                continue;
            }
            text.add(rows.get(r)[textCol]);
            labelText.add(l.trim());
            fileKept += r < fileCount ? 1 : 0;
        }
        if (missing > 0) {
            notices.add("Left out " + missing + " text(s) whose label '" + header[labelCol] + "' is missing.");
        }
        List<String> classes = classNames(labelText);
        if (classes.size() < 2) {
            throw new DataFileException(file + ": the label column '" + header[labelCol] + "' holds one class only ('"
                    + (classes.isEmpty() ? "" : classes.get(0)) + "'); a classifier needs at least two.");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            ids.put(classes.get(i), i);
        }
        List<Integer> label = labelText.stream().map(ids::get).toList();
        return new Texts(text, label, classes, fileKept, header[labelCol], guessed, header[textCol], missing);
    }

    /** Class names sorted: numerically when all are whole numbers, else as text. */
    private static List<String> classNames(List<String> labels) {
        TreeSet<String> distinct = new TreeSet<>(labels);
        boolean whole = distinct.stream().allMatch(s -> s.matches("-?\\d{1,15}"));
        List<String> out = new ArrayList<>(distinct);
        if (whole) {
            out.sort(Comparator.comparingLong(Long::parseLong));
        }
        return out;
    }

    /** The recipe's {@code test} path, resolved against {@code baseDir}, or null. */
    private static Path testPath(TableOptions options, Path baseDir) {
        return options.test().map(Path::of).map(p -> p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p))
                .orElse(null);
    }

    private static Texts fromFolder(Path dir, Path testDir, List<String> notices) {
        boolean split = Files.isDirectory(dir.resolve("train"));
        Path trainDir = split ? dir.resolve("train") : dir;
        if (testDir != null && !Files.isDirectory(testDir)) {
            throw new DataFileException("The test set of a folder of texts is a folder laid out the same way; "
                    + testDir + " is not a folder.");
        }
        List<String> classes = classFolders(trainDir);
        if (classes.size() < 2) {
            throw new DataFileException(trainDir + " has " + (classes.isEmpty() ? "no class folders"
                    : "one class folder only ('" + classes.get(0) + "')") + "; a text classifier needs one folder of"
                    + " .txt files per class, at least two.");
        }
        List<String> text = new ArrayList<>();
        List<Integer> label = new ArrayList<>();
        read(trainDir, classes, text, label, true);
        int fileCount = text.size();
        Path test = testDir != null ? testDir : split && Files.isDirectory(dir.resolve("test")) ? dir.resolve("test")
                : null;
        if (test != null) {
            read(test, classes, text, label, false);
            notices.add("Test set: the folder " + test + " (" + (text.size() - fileCount) + " texts).");
        }
        notices.add("Classes: the " + classes.size() + " folders of " + trainDir + " (" + String.join(", ", classes)
                + ").");
        return new Texts(text, label, classes, fileCount, "folder", true, "file", 0);
    }

    private static List<String> classFolders(Path dir) {
        try (Stream<Path> subs = Files.list(dir)) {
            return subs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DataFileException("Cannot read the folder " + dir + ": " + e.getMessage());
        }
    }

    private static void read(Path dir, List<String> classes, List<String> text, List<Integer> label, boolean requireAll) {
        for (int c = 0; c < classes.size(); c++) {
            Path folder = dir.resolve(classes.get(c));
            if (!Files.isDirectory(folder)) {
                throw new DataFileException(dir + " has no folder '" + classes.get(c) + "', which the training set has.");
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(TextClassData::isTxt).sorted().toList();
            } catch (IOException e) {
                throw new DataFileException("Cannot read the folder " + folder + ": " + e.getMessage());
            }
            if (files.isEmpty() && requireAll) {
                throw new DataFileException("The class folder " + folder + " has no .txt files.");
            }
            for (Path f : files) {
                long size = DataFiles.require(f);
                DataFiles.requireRoom("the texts of " + dir, (double) size + text.size());
                try {
                    text.add(Utf8.decode(Files.readAllBytes(f), f));
                } catch (IOException e) {
                    throw new DataFileException("Cannot read " + f + ": " + e.getMessage());
                }
                label.add(c);
            }
        }
    }
}
