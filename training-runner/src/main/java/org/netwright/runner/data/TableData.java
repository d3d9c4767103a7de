package org.netwright.runner.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.templates.data.Samples;

/**
 * A CSV or TSV table as samples: a label column (given with {@code --label}, or guessed from its name and announced),
 * feature columns (given with {@code --features}, or every other column except one restating the label), number
 * columns standardized and text columns one-hot encoded with statistics of the training part only, missing cells
 * handled by a {@link MissingPolicy}, and the task detected: classification (a text label, or few whole numbers) or
 * regression (real numbers). With {@code tokenIds} (a network that starts with a token input) the features are token
 * ids and are never standardized. Every choice made for the user is a sentence in the {@link DataSummary}.
 */
public final class TableData {
    /** A whole-number label with at most this many distinct values is a class; more, or any fraction, is regression. */
    static final int MAX_CLASS_VALUES = 20;
    /** A text column with more distinct values than this is not read as a category unless named in --features. */
    static final int MAX_AUTO_CATEGORIES = 100;
    /** Token ids must stay below this (the token input's largest vocabulary). */
    static final int MAX_TOKEN_ID = 10_000_000;
    /** Distinct whole numbers over several feature columns above which they are announced as looking like ids. */
    static final int ID_LIKE_DISTINCT = 256;
    /** Distinct whole numbers in one feature column above which it is announced as looking like ids. */
    static final int ID_LIKE_ONE_COLUMN = 1000;
    /** The most categories a named text column may have. */
    static final int MAX_CATEGORIES = 1000;

    /** The table's samples: all rows of the file, the parts a run trains on, and what was decided. */
    public record Loaded(Samples all, Samples.Split split, DataSummary summary) {
    }

    private enum Kind { NUMBER, CATEGORY }

    private TableData() {
    }

    /**
     * Reads {@code file} (and the recipe's test file) with the recipe's options, split with these fractions (the
     * test fraction is unused when there is a test file) and seed.
     */
    public static Loaded load(DataRecipe recipe, Path file, Path baseDir, double validation, double test, long seed,
                              boolean tokenIds) {
        return new Reader(recipe, file, baseDir, tokenIds).read(validation, test, seed);
    }

    /** The feature and label columns of one or two files, read into samples. */
    private static final class Reader {
        private final TableOptions options;
        private final Path file;
        private final Path testFile;
        private final boolean tokenIds;
        private final List<String> notices = new ArrayList<>();
        private String[] header;
        /** Rows of the file, then rows of the test file, every one in the file's column order. */
        private final List<String[]> rows = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private int fileRows;

        Reader(DataRecipe recipe, Path file, Path baseDir, boolean tokenIds) {
            this.options = TableOptions.of(recipe);
            this.file = file;
            this.testFile = options.test().map(Path::of).map(p -> p.isAbsolute() || baseDir == null ? p
                    : baseDir.resolve(p)).orElse(null);
            this.tokenIds = tokenIds;
        }

        /** Where a row is, for messages: {@code FILE line N}. */
        private String where(int row) {
            return (row < fileRows ? file : testFile) + " line " + lines.get(row);
        }

        Loaded read(double validation, double test, long seed) {
            CsvTable table = CsvTable.read(file);
            header = table.header();
            for (int r = 0; r < table.rows().size(); r++) {
                rows.add(table.rows().get(r));
                lines.add(table.line(r));
            }
            fileRows = rows.size();
            if (testFile != null) {
                readTestFile();
            }
            int label = labelColumn();
            LabelPlan plan = labelPlan(label);
            List<Integer> featureCols = featureColumns(label, plan);
            int splitCol = splitColumn(label, featureCols);
            featureCols.remove(Integer.valueOf(splitCol));
            Map<Integer, Kind> kinds = new LinkedHashMap<>();
            for (int c : new ArrayList<>(featureCols)) {
                Optional<Kind> k = kindOf(c, !options.features().isEmpty());
                if (k.isEmpty()) {
                    featureCols.remove(Integer.valueOf(c));
                } else {
                    kinds.put(c, k.get());
                }
            }
            if (featureCols.isEmpty()) {
                throw new DataFileException(file + " has no feature column left to learn from besides the label '"
                        + header[label] + "'.");
            }
            MissingPolicy policy = options.missing().orElse(MissingPolicy.MEAN);
            boolean[] keep = new boolean[rows.size()];
            int missing = missingCells(label, plan, featureCols, kinds, policy, keep);
            int[] fileKept = kept(keep, 0, fileRows);
            int[] testKept = kept(keep, fileRows, rows.size());
            if (fileKept.length == 0) {
                throw new DataFileException(file + " has no row left to train on once the rows with missing cells are"
                        + " dropped; choose mean or mode with " + DataOption.MISSING.where()
                        + " to fill them instead.");
            }
            int[] classOf = plan.classification ? classIds(label, plan) : null;
            int[][] parts;
            if (splitCol >= 0) {
                parts = byColumn(splitCol, fileKept);
            } else if (testFile != null) {
                int[][] s = StratifiedSplit.split(fileKept, classOf == null ? null : pick(classOf, fileKept), validation,
                        0, seed);
                parts = new int[][] {s[0], s[1], testKept};
            } else {
                parts = StratifiedSplit.split(fileKept, classOf == null ? null : pick(classOf, fileKept), validation,
                        test, seed);
            }
            if (parts[0].length == 0) {
                throw new DataFileException(file + " has too few rows (" + fileKept.length + ") to keep some for"
                        + " training.");
            }
            Columns columns = new Columns(featureCols, kinds, parts[0]);
            Samples samples = samples(label, plan, classOf, columns, policy, parts[0]);
            Samples all = samples.subset(fileKept);
            Samples.Split split = new Samples.Split(samples.subset(parts[0]), samples.subset(parts[1]),
                    samples.subset(parts[2]));
            notices.add(String.format(Locale.ROOT, "Split: %d rows to train on, %d to validate, %d to test%s.",
                    parts[0].length, parts[1].length, parts[2].length, splitCol >= 0 ? " (by the column '"
                            + header[splitCol] + "'; the split fractions are not used)"
                            : testFile != null ? " (from " + testFile.getFileName() + ")"
                            : plan.classification ? " (each class cut in the same fractions)" : ""));
            List<String> classNames = plan.classification ? plan.names : List.of();
            List<Integer> counts = new ArrayList<>();
            if (plan.classification) {
                int[] c = new int[plan.names.size()];
                for (int r : fileKept) {
                    c[classOf[r]]++;
                }
                for (int r : testKept) {
                    c[classOf[r]]++;
                }
                Arrays.stream(c).forEach(counts::add);
            }
            int total = fileKept.length + testKept.length;
            DataSummary.imbalance(classNames, counts, total).ifPresent(notices::add);
            DataSummary summary = new DataSummary("table", file.toString(), total, samples.fields(),
                    Optional.of(plan.classification ? "classification" : "regression"), Optional.of(header[label]),
                    options.label().isEmpty(), classNames, counts, columns.names(), missing, policy.word(),
                    new int[] {parts[0].length, parts[1].length, parts[2].length}, notices);
            return new Loaded(all, split, summary);
        }

        /**
         * The column named {@value GraphData#SPLIT} that says which rows train, validate and test (values train, val,
         * test), or -1: none, or the user named it among {@code --features}. Refused beside a test file.
         */
        private int splitColumn(int label, List<Integer> featureCols) {
            int c = column(GraphData.SPLIT);
            if (c < 0 || c == label || (!options.features().isEmpty() && featureCols.contains(c))) {
                return -1;
            }
            if (testFile != null) {
                throw new DataFileException(file + " has a " + GraphData.SPLIT + " column and "
                        + DataOption.TEST.named() + " names a test file (" + testFile + "); use one of them to say"
                        + " which rows test" + (DataOption.forApp() ? " (choose the data again with "
                        + DataOption.TEST.where() + ")" : "") + ".");
            }
            return c;
        }

        /** The kept rows cut into train, validation and test by the split column's cells (in the file's order). */
        private int[][] byColumn(int c, int[] kept) {
            List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int r : kept) {
                parts.get(GraphData.part(rows.get(r)[c], file, lines.get(r) - 2)).add(r);
            }
            return new int[][] {parts.get(0).stream().mapToInt(Integer::intValue).toArray(),
                    parts.get(1).stream().mapToInt(Integer::intValue).toArray(),
                    parts.get(2).stream().mapToInt(Integer::intValue).toArray()};
        }

        private void readTestFile() {
            CsvTable t = CsvTable.read(testFile);
            int[] map = new int[header.length];
            for (int c = 0; c < header.length; c++) {
                map[c] = t.column(header[c]);
                if (map[c] < 0) {
                    throw new DataFileException(testFile + " has no column '" + header[c] + "', which " + file.getFileName()
                            + " has; a test file needs the same columns.");
                }
            }
            for (int r = 0; r < t.rows().size(); r++) {
                String[] src = t.rows().get(r);
                String[] row = new String[header.length];
                for (int c = 0; c < header.length; c++) {
                    row[c] = src[map[c]];
                }
                rows.add(row);
                lines.add(t.line(r));
            }
        }

        private int labelColumn() {
            if (options.label().isPresent()) {
                int c = column(options.label().get());
                if (c < 0) {
                    throw new DataFileException(file + " has no column '" + options.label().get() + "' for " + DataOption.LABEL.named() + "; its"
                            + " columns are " + String.join(", ", header) + ".");
                }
                return c;
            }
            OptionalInt guess = LabelColumn.guess(header);
            if (guess.isEmpty()) {
                throw new DataFileException(file + " has no column named like a label (" + String.join(", ",
                        LabelColumn.NAMES.subList(0, 6)) + ", ...); name the column to predict with " + DataOption.LABEL.where()
                        + " (its columns are " + String.join(", ", header) + ").");
            }
            notices.add("Label: the column '" + header[guess.getAsInt()] + "' (guessed from its name; choose another"
                    + " with " + DataOption.LABEL.where() + ").");
            return guess.getAsInt();
        }

        private int column(String name) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].trim().equalsIgnoreCase(name.trim())) {
                    return c;
                }
            }
            return -1;
        }

        /** Classification or regression, and the class names in id order. */
        private record LabelPlan(boolean classification, boolean numeric, List<String> names, Map<String, Integer> ids,
                                 int namesColumn) {
        }

        private LabelPlan labelPlan(int label) {
            TreeSet<Double> numbers = new TreeSet<>();
            TreeSet<String> texts = new TreeSet<>();
            boolean whole = true;
            int present = 0;
            int textCells = 0;
            for (int r = 0; r < rows.size(); r++) {
                String cell = rows.get(r)[label];
                if (Cells.missing(cell)) {
                    continue;
                }
                if (Cells.infinite(cell)) {
                    throw new DataFileException(where(r) + ", column '" + header[label] + "': '" + cell + "' is not a"
                            + " finite number; fix or remove the cell.");
                }
                present++;
                double v = Cells.number(cell);
                if (Double.isNaN(v)) {
                    texts.add(cell.trim());
                    textCells++;
                } else {
                    numbers.add(v);
                    whole &= v == Math.rint(v);
                }
            }
            boolean fewClasses = whole && numbers.size() <= MAX_CLASS_VALUES;
            if (!texts.isEmpty() && !fewClasses && textCells <= Math.max(1, present / 20)) {
                // A real-valued label with a stray word is a regression; its rows without a number are left out.
                notices.add(textCells + " label cell(s) of '" + header[label] + "' hold text among its numbers (first: '"
                        + texts.first() + "'); their rows are left out.");
                texts.clear();
            }
            if (present == 0) {
                throw new DataFileException(file + ": the label column '" + header[label] + "' holds no values.");
            }
            String name = header[label];
            if (texts.isEmpty() && !fewClasses) {
                notices.add("Task: regression; the label '" + name + "' holds " + numbers.size() + " distinct "
                        + (whole ? "whole numbers (more than " + MAX_CLASS_VALUES + ")" : "real numbers")
                        + ", standardized with the training part's mean and deviation.");
                return new LabelPlan(false, true, List.of(), Map.of(), -1);
            }
            List<String> values = new ArrayList<>();
            boolean numeric = texts.isEmpty();
            if (numeric) {
                numbers.forEach(v -> values.add(wholeText(v)));
            } else {
                // Numbers among text labels are names too; all sort as text.
                TreeSet<String> all = new TreeSet<>(texts);
                numbers.forEach(v -> all.add(wholeText(v)));
                values.addAll(all);
            }
            if (values.size() < 2) {
                throw new DataFileException(file + ": the label column '" + name + "' holds one class only ('"
                        + values.get(0) + "'); a classifier needs at least two.");
            }
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                ids.put(values.get(i), i);
            }
            int namesColumn = restating(label, values, ids);
            List<String> names = values;
            if (namesColumn >= 0 && numeric) {
                names = classNamesFrom(label, namesColumn, values, ids);
            }
            boolean plainIds = numeric && numbers.first() == 0 && numbers.last() == values.size() - 1;
            notices.add("Task: classification into " + values.size() + " classes; the label '" + name + "' holds "
                    + (numeric ? "whole numbers" + (plainIds ? "" : " (given ids 0 to " + (values.size() - 1)
                    + " in increasing order)") : "text (given ids in alphabetical order)") + ".");
            return new LabelPlan(true, numeric, names, ids, namesColumn);
        }

        private static String wholeText(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }

        /** The label cell's text as a class key (numbers written plainly so "1.0" and "1" are one class). */
        private static String labelKey(String cell) {
            double v = Cells.number(cell);
            return Double.isNaN(v) ? cell.trim() : wholeText(v);
        }

        /**
         * A column that names the same classes one to one (sklearn's label_id beside label), or -1; only looked for
         * when the classes repeat (twice as many rows as classes), as in a few rows any column may look so.
         */
        private int restating(int label, List<String> values, Map<String, Integer> ids) {
            for (int c = 0; c < header.length && rows.size() >= 2 * values.size(); c++) {
                if (c == label) {
                    continue;
                }
                Map<String, String> forward = new HashMap<>();
                Map<String, String> backward = new HashMap<>();
                boolean same = true;
                for (int r = 0; r < rows.size() && same; r++) {
                    String l = rows.get(r)[label];
                    String v = rows.get(r)[c];
                    if (Cells.missing(l) || Cells.missing(v)) {
                        continue;
                    }
                    String lk = labelKey(l);
                    String vk = v.trim();
                    same = forward.computeIfAbsent(lk, k -> vk).equals(vk) && backward.computeIfAbsent(vk, k -> lk).equals(lk);
                }
                if (same && forward.size() == values.size()) {
                    return c;
                }
            }
            return -1;
        }

        private List<String> classNamesFrom(int label, int namesColumn, List<String> values, Map<String, Integer> ids) {
            String[] names = new String[values.size()];
            for (String[] row : rows) {
                if (!Cells.missing(row[label]) && !Cells.missing(row[namesColumn])) {
                    names[ids.get(labelKey(row[label]))] = row[namesColumn].trim();
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i] == null) {
                    names[i] = values.get(i);
                }
            }
            return List.of(names);
        }

        private List<Integer> featureColumns(int label, LabelPlan plan) {
            List<Integer> cols = new ArrayList<>();
            if (!options.features().isEmpty()) {
                for (String f : options.features()) {
                    int c = column(f);
                    if (c < 0) {
                        throw new DataFileException(file + " has no column '" + f + "' named in "
                                + DataOption.FEATURES.named() + "; its columns are " + String.join(", ", header) + ".");
                    }
                    if (c == label) {
                        throw new DataFileException(DataOption.FEATURES.namedFirst() + " name"
                                + (DataOption.forApp() ? "" : "s") + " the label column '" + f + "'; a label cannot"
                                + " also be a feature.");
                    }
                    if (!cols.contains(c)) {
                        cols.add(c);
                    }
                }
                return cols;
            }
            for (int c = 0; c < header.length; c++) {
                if (c == label) {
                    continue;
                }
                if (c == plan.namesColumn) {
                    notices.add("Left out the column '" + header[c] + "': it restates the label '" + header[label]
                            + "' one to one" + (plan.numeric ? " (its values name the classes)" : "") + ".");
                    continue;
                }
                cols.add(c);
            }
            return cols;
        }

        /**
         * Number or category; empty (with a notice) for a text column of too many distinct values to be a category
         * when the user did not name it. Infinite cells are refused here, naming the first.
         */
        private Optional<Kind> kindOf(int c, boolean named) {
            int numbers = 0;
            int text = 0;
            TreeSet<String> distinct = new TreeSet<>();
            for (int r = 0; r < rows.size(); r++) {
                String cell = rows.get(r)[c];
                if (Cells.missing(cell)) {
                    continue;
                }
                if (Cells.infinite(cell)) {
                    throw new DataFileException(where(r) + ", column '" + header[c] + "': '" + cell.trim() + "' is not a"
                            + " finite number; fix or remove the cell (NaN and NA cells count as missing).");
                }
                if (Double.isNaN(Cells.number(cell))) {
                    text++;
                    if (distinct.size() <= MAX_CATEGORIES) {
                        distinct.add(cell.trim());
                    }
                } else {
                    numbers++;
                }
            }
            if (text == 0 || numbers > text && text <= Math.max(1, (numbers + text) / 20)) {
                return Optional.of(Kind.NUMBER);
            }
            if (tokenIds) {
                throw new DataFileException(file + ": the column '" + header[c] + "' holds text, but the network starts"
                        + " with a token input, which reads whole-number token ids.");
            }
            for (int r = 0; r < rows.size(); r++) {
                String cell = rows.get(r)[c];
                if (!Cells.missing(cell)) {
                    distinct.add(cell.trim());
                }
                if (distinct.size() > MAX_CATEGORIES) {
                    break;
                }
            }
            int present = numbers + text;
            if (!named && (distinct.size() > MAX_AUTO_CATEGORIES || distinct.size() > 20 && distinct.size() * 2 > present)) {
                notices.add("Left out the column '" + header[c] + "': its text takes " + distinct.size() + " distinct"
                        + " values, too many to be a category" + (DataOption.forApp() ? "."
                        // The app has no control to name feature columns: it offers no way round that.
                        : " (name it in --features to one-hot encode it anyway)."));
                return Optional.empty();
            }
            if (distinct.size() > MAX_CATEGORIES) {
                throw new DataFileException(file + ": the column '" + header[c] + "' takes more than " + MAX_CATEGORIES
                        + " distinct text values, too many to one-hot encode.");
            }
            return Optional.of(Kind.CATEGORY);
        }

        /**
         * Counts the missing cells of the columns read (a number column's stray text counts as missing) and marks the
         * rows kept; rows without a label are left out, and the policy {@code error} refuses the first gap.
         */
        private int missingCells(int label, LabelPlan plan, List<Integer> cols, Map<Integer, Kind> kinds,
                                 MissingPolicy policy, boolean[] keep) {
            int missing = 0;
            int noLabel = 0;
            int dropped = 0;
            Map<String, Integer> perColumn = new LinkedHashMap<>();
            String firstStray = null;
            int strays = 0;
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                keep[r] = true;
                if (!plan.classification && !Cells.missing(row[label]) && Double.isNaN(Cells.number(row[label]))) {
                    keep[r] = false;
                    continue;
                }
                if (Cells.missing(row[label])) {
                    if (policy == MissingPolicy.ERROR) {
                        throw new DataFileException(where(r) + ": the label '" + header[label] + "' is missing ('"
                                + row[label] + "'); " + DataOption.MISSING.set("error") + " refuses missing cells.");
                    }
                    keep[r] = false;
                    noLabel++;
                    continue;
                }
                boolean gap = false;
                for (int c : cols) {
                    String cell = row[c];
                    boolean stray = kinds.get(c) == Kind.NUMBER && !Cells.missing(cell) && Double.isNaN(Cells.number(cell));
                    if (Cells.missing(cell) || stray) {
                        if (policy == MissingPolicy.ERROR) {
                            throw new DataFileException(where(r) + ": column '" + header[c] + "' "
                                    + (stray ? "must be a number, but is '" + cell.trim() + "'"
                                    : "is missing ('" + cell + "')") + "; " + DataOption.MISSING.set("error") + " refuses missing cells.");
                        }
                        if (tokenIds && policy != MissingPolicy.DROP) {
                            throw new DataFileException(where(r) + ": column '" + header[c] + "' holds no token id ('"
                                    + cell + "'); token ids cannot be filled in (" + DataOption.MISSING.set("drop") + " leaves such rows out).");
                        }
                        if (stray) {
                            strays++;
                            if (firstStray == null) {
                                firstStray = where(r) + ", column '" + header[c] + "': '" + cell.trim() + "'";
                            }
                        }
                        missing++;
                        perColumn.merge(header[c], 1, Integer::sum);
                        gap = true;
                    }
                }
                if (gap && policy == MissingPolicy.DROP) {
                    keep[r] = false;
                    dropped++;
                }
            }
            if (noLabel > 0) {
                notices.add("Left out " + noLabel + " row(s) whose label '" + header[label] + "' is missing.");
            }
            if (strays > 0) {
                notices.add(strays + " cell(s) of text in number columns read as missing (first: " + firstStray + ").");
            }
            if (missing > 0) {
                StringBuilder where = new StringBuilder();
                perColumn.forEach((k, v) -> where.append(where.length() == 0 ? "" : ", ").append(k).append(" (")
                        .append(v).append(')'));
                String how = switch (policy) {
                    case DROP -> "left out the " + dropped + " row(s) holding them";
                    case MODE -> "filled with each column's most common value in the training part";
                    default -> "filled with the training part's mean (number columns) or most common value (category"
                            + " columns)";
                };
                notices.add(missing + " missing cell(s) in " + where + ": " + how
                        + (options.missing().isEmpty() ? " (the default; choose with " + DataOption.MISSING.where() + ")"
                        : "") + ".");
            }
            return missing;
        }

        private static int[] kept(boolean[] keep, int from, int to) {
            return java.util.stream.IntStream.range(from, to).filter(r -> keep[r]).toArray();
        }

        private static int[] pick(int[] values, int[] rows) {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return out;
        }

        private int[] classIds(int label, LabelPlan plan) {
            int[] ids = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                String cell = rows.get(r)[label];
                ids[r] = Cells.missing(cell) ? 0 : plan.ids.get(labelKey(cell));
            }
            return ids;
        }

        /** The feature columns' statistics, fitted on the training rows. */
        private final class Columns {
            final List<Integer> cols;
            final Map<Integer, Kind> kinds;
            final Map<Integer, Double> mean = new HashMap<>();
            final Map<Integer, Double> std = new HashMap<>();
            final Map<Integer, String> mode = new HashMap<>();
            final Map<Integer, List<String>> categories = new HashMap<>();

            Columns(List<Integer> cols, Map<Integer, Kind> kinds, int[] train) {
                this.cols = cols;
                this.kinds = kinds;
                for (int c : cols) {
                    Map<String, Integer> counts = new TreeMap<>();
                    double sum = 0;
                    double sq = 0;
                    int n = 0;
                    for (int r : train) {
                        String cell = rows.get(r)[c];
                        if (Cells.missing(cell)) {
                            continue;
                        }
                        double v = Cells.number(cell);
                        if (kinds.get(c) == Kind.NUMBER) {
                            if (Double.isNaN(v)) {
                                continue;
                            }
                            sum += v;
                            sq += v * v;
                            n++;
                            counts.merge(wholeText(v), 1, Integer::sum);
                        } else {
                            counts.merge(cell.trim(), 1, Integer::sum);
                        }
                    }
                    double m = n == 0 ? 0 : sum / n;
                    double s = n == 0 ? 0 : Math.sqrt(Math.max(0, sq / n - m * m));
                    mean.put(c, m);
                    std.put(c, s > 1e-12 ? s : 1.0);
                    mode.put(c, counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                            .map(Map.Entry::getKey).orElse(kinds.get(c) == Kind.NUMBER ? "0" : ""));
                    if (kinds.get(c) == Kind.CATEGORY) {
                        categories.put(c, new ArrayList<>(counts.keySet()));
                    }
                }
            }

            int width() {
                return cols.stream().mapToInt(c -> kinds.get(c) == Kind.NUMBER ? 1 : categories.get(c).size()).sum();
            }

            List<String> names() {
                List<String> out = new ArrayList<>();
                for (int c : cols) {
                    if (kinds.get(c) == Kind.NUMBER) {
                        out.add(header[c]);
                    } else {
                        categories.get(c).forEach(v -> out.add(header[c] + "=" + v));
                    }
                }
                return out;
            }
        }

        /**
         * A warning when number columns look like ids rather than measures, which standardizing would blur together:
         * two or more columns of whole numbers from 0 taking more than {@value #ID_LIKE_DISTINCT} distinct values
         * together, many of them found in several columns, or one taking more than {@value #ID_LIKE_ONE_COLUMN} distinct values, most of its cells different.
         */
        private Optional<String> idLikeColumns(Columns columns) {
            List<String> names = new ArrayList<>();
            java.util.Set<Long> all = new java.util.HashSet<>();
            long max = 0;
            boolean oneLarge = false;
            long separate = 0;
            for (int c : columns.cols) {
                if (columns.kinds.get(c) != Kind.NUMBER) {
                    continue;
                }
                java.util.Set<Long> mine = new java.util.HashSet<>();
                int present = 0;
                boolean ids = true;
                for (String[] row : rows) {
                    double v = Cells.number(row[c]);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    present++;
                    if (v < 0 || v != Math.rint(v) || v >= MAX_TOKEN_ID) {
                        ids = false;
                        break;
                    }
                    mine.add((long) v);
                }
                if (!ids || mine.size() < 2) {
                    continue;
                }
                names.add(header[c]);
                separate += mine.size();
                all.addAll(mine);
                max = Math.max(max, java.util.Collections.max(mine));
                oneLarge |= mine.size() > ID_LIKE_ONE_COLUMN && mine.size() * 2 > present;
            }
            // Ids of one vocabulary recur across columns; measures such as a year and an income do not share values.
            boolean shared = separate >= 1.5 * all.size();
            if (!(names.size() >= 2 && all.size() > ID_LIKE_DISTINCT && shared) && !oneLarge) {
                return Optional.empty();
            }
            return Optional.of("Warning: the column(s) " + String.join(", ", names.subList(0, Math.min(6, names.size())))
                    + (names.size() > 6 ? ", ..." : "") + " hold only whole numbers from 0, " + all.size()
                    + " distinct values up to " + max + ", as ids do (tokens, categories); they are standardized as"
                    + " measures here, which blurs ids together. If they are ids, start the network with a token input"
                    + " (e.g. the text-classifier template), which reads them as they are.");
        }

        private Samples samples(int label, LabelPlan plan, int[] classOf, Columns columns, MissingPolicy policy,
                                int[] trainRows) {
            int n = rows.size();
            int width = columns.width();
            DataFiles.requireRoom(file + "'s " + n + " rows of " + width + " features", (double) n * width);
            float[] features = new float[n * width];
            double[] offset = new double[width];
            double[] scale = new double[width];
            Arrays.fill(scale, 1);
            List<String> oneHot = new ArrayList<>();
            List<String> fills = new ArrayList<>();
            int f = 0;
            long maxId = -1;
            for (int c : columns.cols) {
                if (columns.kinds.get(c) == Kind.NUMBER) {
                    double fill = policy == MissingPolicy.MODE ? Double.parseDouble(columns.mode.get(c)) : columns.mean.get(c);
                    fills.add(header[c] + "=" + fill);
                    double m = tokenIds ? 0 : columns.mean.get(c);
                    double s = tokenIds ? 1 : columns.std.get(c);
                    offset[f] = m;
                    scale[f] = s;
                    for (int r = 0; r < n; r++) {
                        double v = Cells.number(rows.get(r)[c]);
                        if (Double.isNaN(v)) {
                            v = fill;
                        } else if (tokenIds && (v < 0 || v != Math.rint(v) || v >= MAX_TOKEN_ID)) {
                            throw new DataFileException(where(r) + ", column '" + header[c] + "': " + rows.get(r)[c].trim()
                                    + " is not a token id (a whole number from 0 below " + MAX_TOKEN_ID + "), which the"
                                    + " network's token input reads.");
                        }
                        maxId = Math.max(maxId, (long) v);
                        features[r * width + f] = (float) ((v - m) / s);
                    }
                    f++;
                } else {
                    List<String> cats = columns.categories.get(c);
                    fills.add(header[c] + "=" + columns.mode.get(c));
                    Map<String, Integer> index = new HashMap<>();
                    for (int i = 0; i < cats.size(); i++) {
                        index.put(cats.get(i), i);
                        oneHot.add(header[c] + "=" + cats.get(i));
                    }
                    int unseen = 0;
                    for (int r = 0; r < n; r++) {
                        String cell = rows.get(r)[c].trim();
                        if (Cells.missing(cell)) {
                            cell = columns.mode.get(c);
                        }
                        Integer i = index.get(cell);
                        if (i != null) {
                            features[r * width + f + i] = 1;
                        } else {
                            unseen++;
                        }
                    }
                    if (unseen > 0) {
                        notices.add(unseen + " row(s) hold values of '" + header[c] + "' that the training part never"
                                + " shows; their one-hot columns are all 0.");
                    }
                    f += cats.size();
                }
            }
            if (!oneHot.isEmpty()) {
                long columnsEncoded = columns.cols.stream().filter(c -> columns.kinds.get(c) == Kind.CATEGORY).count();
                notices.add("One-hot encoded " + columnsEncoded + " text column(s) into " + oneHot.size() + " columns ("
                        + String.join(", ", oneHot.subList(0, Math.min(6, oneHot.size())))
                        + (oneHot.size() > 6 ? ", ..." : "") + ").");
            }
            List<Samples.Column> out = new ArrayList<>();
            String featureName;
            FieldTransform ft = new FieldTransform(offset, scale, List.of(), Map.of())
                    .withOption("columns", String.join(",", columns.names()))
                    .withOption("missing", policy.word())
                    .withOption("fill", String.join(",", fills));
            if (!oneHot.isEmpty()) {
                ft = ft.withOption("one_hot", String.join(",", oneHot));
            }
            if (tokenIds) {
                featureName = "tokens";
                int vocabulary = (int) Math.max(2, maxId + 1);
                out.add(new Samples.Column(DataField.tokens(featureName, width, vocabulary), features));
                ft = new FieldTransform(new double[0], new double[0], List.of(), ft.options());
                notices.add("The " + width + " feature column(s) are token ids (whole numbers 0 to " + maxId + ") for the"
                        + " network's token input; they are not standardized.");
            } else {
                featureName = "features";
                out.add(new Samples.Column(DataField.values(featureName, Shape.of(width)), features));
                long numbers = columns.cols.stream().filter(c -> columns.kinds.get(c) == Kind.NUMBER).count();
                if (numbers > 0) {
                    notices.add("Standardized " + numbers + " number column(s) with the mean and deviation of the"
                            + " training part only.");
                }
                idLikeColumns(columns).ifPresent(notices::add);
            }
            float[] target = new float[n];
            String labelName;
            FieldTransform lt;
            double targetScale = 1;
            if (plan.classification) {
                labelName = "label";
                for (int r = 0; r < n; r++) {
                    target[r] = classOf[r];
                }
                out.add(new Samples.Column(DataField.classId(labelName, plan.names.size()), target));
                lt = FieldTransform.named(plan.names);
            } else {
                labelName = "target";
                double sum = 0;
                double sq = 0;
                int cnt = 0;
                for (int r : trainRows) {
                    double v = Cells.number(rows.get(r)[label]);
                    sum += v;
                    sq += v * v;
                    cnt++;
                }
                double m = sum / cnt;
                double s = Math.sqrt(Math.max(0, sq / cnt - m * m));
                s = s > 1e-12 ? s : 1;
                for (int r = 0; r < n; r++) {
                    double v = Cells.number(rows.get(r)[label]);
                    target[r] = Double.isNaN(v) ? 0 : (float) ((v - m) / s);
                }
                out.add(new Samples.Column(DataField.values(labelName, Shape.of(1)), target));
                lt = FieldTransform.standardized(new double[] {m}, new double[] {s});
                targetScale = s;
            }
            lt = lt.withOption("column", header[label]);
            Samples samples = new Samples(out, n, false).withTransform(featureName, ft).withTransform(labelName, lt);
            return plan.classification ? samples : samples.withScale(labelName, targetScale);
        }
    }
}
