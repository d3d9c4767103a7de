package org.netwright.runner.explain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.data.ImageFolderData;
import org.netwright.runner.data.TextData;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;
import org.netwright.templates.data.TextVocabulary;

/**
 * How a trained run reads a user's file as input, exactly as it read its training data: an image (resized, grey or
 * colour, scaled like the run's images), a CSV file of rows (the run's feature columns by name, standardized with the
 * run's statistics) or a text (the run's vocabulary). The run's noted {@link FieldTransform} is used where the data
 * reader left one; otherwise the transform is made again from the run's own data.
 */
public final class RunInputs {
    /** Most rows of a CSV file predicted in one go. */
    public static final int MAX_ROWS = 100_000;
    private static final long MAX_TEXT_BYTES = 10L << 20;

    private final TrainedRun run;
    private final Path baseDir;
    private final NetworkEnds.End input;
    private final String field;
    private final Samples data;

    /** What a file became: {@code count} samples' values one after another, and how to show them again. */
    public record Reading(Kind kind, float[] values, int count, BufferedImage image, List<String> labels,
                          int lastToken) {
        /** The kind of file read. */
        public enum Kind { IMAGE, TABLE, TEXT }
    }

    private RunInputs(TrainedRun run, Path project, Samples data) {
        this.run = run;
        this.baseDir = project.toAbsolutePath().getParent();
        NetworkEnds ends = NetworkEnds.of(run.graph());
        List<NetworkEnds.End> inputs = ends.inputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("run " + run.runId() + "'s network has " + inputs.size() + " input ports;"
                    + " a single file can feed a network with one input layer");
        }
        this.input = inputs.get(0);
        this.field = run.task().fieldOf(input.nodeId()).orElseThrow(() -> new IllegalArgumentException(
                "run " + run.runId() + "'s task binds no data field to the input layer '" + input.nodeId() + "'"));
        this.data = data;
    }

    /** The run's inputs, with its data re-created to find how its fields were made. */
    public static RunInputs of(TrainedRun run, Path project) {
        return new RunInputs(run, project, run.data(project));
    }

    /** The run's inputs, its fields' transforms read from {@code data} (any part of the run's data). */
    public static RunInputs of(TrainedRun run, Path project, Samples data) {
        return new RunInputs(run, project, data);
    }

    /** The input layer the files feed. */
    public NetworkEnds.End input() {
        return input;
    }

    /** The run's data as it trained on them (every part). */
    public Samples data() {
        return data;
    }

    /** The data field the input layer reads. */
    public String field() {
        return field;
    }

    /**
     * The names of the {@code classes} classes of the target field {@code target}: the run's noted class names, an
     * image folder's class folders, a CSV file's label names, else the ids themselves.
     */
    public List<String> classNames(String target, int classes) {
        List<String> labels = data.transform(target).labels();
        if (labels.size() == classes) {
            return labels;
        }
        DataRecipe recipe = run.settings().data();
        Object pinned = recipe == null ? null : recipe.options().get(ImageFolderData.CLASSES);
        if (pinned != null && pinned.toString().split(",").length == classes) {
            return List.of(pinned.toString().split(","));
        }
        if (recipe != null && "csv".equals(recipe.kind()) && recipe.options().get("path") != null) {
            List<String> names = csvLabelNames(resolve(recipe.options().get("path").toString()));
            if (names != null && names.size() == classes) {
                return names;
            }
        }
        if (recipe != null && TextData.KIND.equals(recipe.kind()) && recipe.options().get(TextData.CHARACTERS) != null) {
            TextVocabulary v = TextData.pinnedVocabulary(recipe);
            if (v.size() == classes) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < classes; i++) {
                    out.add(new String(Character.toChars(v.codePoint(i))));
                }
                return out;
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
    }

    /** Reads {@code file}: PNG/JPEG by its name, CSV by its name, any other file as text. */
    public Reading read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no file " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return image(file);
        }
        if (name.endsWith(".csv")) {
            return table(file);
        }
        return text(file);
    }

    /** Sample {@code index} of {@code part} (a part of the run's data), as a reading of one file would give it. */
    public Reading sample(Samples part, int index) {
        if (index < 0 || index >= part.size()) {
            throw new IllegalArgumentException("the sample must be from 0 to " + (part.size() - 1) + "; got " + index);
        }
        int width = Math.toIntExact(input.shape().size());
        float[] values = part.require(field).sample(index);
        if (input.type().equals("token_input")) {
            List<String> names = new ArrayList<>();
            for (float id : values) {
                names.add(tokenName((int) id));
            }
            return new Reading(Reading.Kind.TEXT, values, 1, null, names, values.length - 1);
        }
        if (input.shape().rank() == 3 || isSquareImage()) {
            return new Reading(Reading.Kind.IMAGE, values, 1, null, List.of(), -1);
        }
        return new Reading(Reading.Kind.TABLE, values, 1, null, featureNames(width), -1);
    }

    /** A flat input that came from square images (an MLP over pictures): its data came from an image source. */
    private boolean isSquareImage() {
        DataRecipe recipe = run.settings().data();
        boolean images = recipe != null && (ImageFolderData.KIND.equals(recipe.kind()) || "idx".equals(recipe.kind()));
        return images && input.shape().rank() == 1;
    }

    /** The names of the run's features: its CSV table's feature columns, else {@code x1..xN}. */
    private List<String> featureNames(int width) {
        DataRecipe recipe = run.settings().data();
        if (recipe != null && "csv".equals(recipe.kind()) && recipe.options().get("path") != null) {
            String[] header = csv(resolve(recipe.options().get("path").toString())).get(0);
            List<String> names = new ArrayList<>();
            for (int c : featureColumns(header)) {
                names.add(header[c]);
            }
            if (names.size() == width) {
                return names;
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /** The word (or character) behind token id {@code id} of the input field: its vocabulary entry, else the id. */
    public String tokenName(int id) {
        List<String> labels = data.transform(field).labels();
        if (id >= 0 && id < labels.size()) {
            return labels.get(id);
        }
        DataRecipe recipe = run.settings().data();
        if (recipe != null && TextData.KIND.equals(recipe.kind()) && recipe.options().get(TextData.CHARACTERS) != null) {
            return new String(Character.toChars(TextData.pinnedVocabulary(recipe).codePoint(id)));
        }
        return Integer.toString(id);
    }

    private Reading image(Path file) {
        Shape s = input.shape();
        int c;
        int h;
        int w;
        if (s.rank() == 3) {
            c = s.dim(0);
            h = s.dim(1);
            w = s.dim(2);
        } else {
            // An image network drawn as an MLP reads the images flattened: find the square they were.
            long n = s.size();
            int side = (int) Math.round(Math.sqrt(n));
            int side3 = (int) Math.round(Math.sqrt(n / 3.0));
            if (s.rank() == 1 && (long) side * side == n) {
                c = 1;
                h = side;
                w = side;
            } else if (s.rank() == 1 && 3L * side3 * side3 == n) {
                c = 3;
                h = side3;
                w = side3;
            } else {
                throw new IllegalArgumentException("run " + run.runId() + "'s input layer '" + input.nodeId()
                        + "' takes " + s.describe() + ", not an image; give a " + (s.rank() == 1 ? "CSV row file"
                        : "file of its kind"));
            }
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            img = null;
        }
        if (img == null) {
            throw new IllegalArgumentException(file + " is not a PNG or JPEG image that can be decoded");
        }
        float[] values = ImageFolderData.pixels(img, c, h, w);
        // The image readers note their pixel scale (offset 0, one divisor: 255 for image folders, the file's largest
        // pixel for IDX), and pixels() has already put this file's pixels on that 0..1 scale; only a standardization
        // beyond it would still apply.
        FieldTransform noted = data.transform(field);
        double[] offset = noted.offset();
        if (!(offset.length == 1 && offset[0] == 0)) {
            noted.apply(values);
        }
        return new Reading(Reading.Kind.IMAGE, values, 1, img, List.of(), -1);
    }

    private Reading table(Path file) {
        Shape s = input.shape();
        if (s.rank() != 1) {
            throw new IllegalArgumentException("run " + run.runId() + "'s input layer '" + input.nodeId() + "' takes "
                    + s.describe() + "; a CSV row file feeds a network whose input is a vector of features");
        }
        int width = s.dim(0);
        List<String[]> rows = csv(file);
        String[] header = rows.get(0);
        List<String[]> body = rows.subList(1, rows.size());
        if (body.isEmpty()) {
            throw new IllegalArgumentException(file + " has a header but no rows to predict");
        }
        if (body.size() > MAX_ROWS) {
            throw new IllegalArgumentException(file + " has " + body.size() + " rows; predict takes at most " + MAX_ROWS);
        }
        DataRecipe recipe = run.settings().data();
        List<String> names;
        double[] offset;
        double[] scale;
        FieldTransform noted = data.transform(field);
        if (recipe != null && "csv".equals(recipe.kind()) && recipe.options().get("path") != null) {
            // The run's own table says which columns are features and, failing a noted transform, their statistics.
            List<String[]> training = csv(resolve(recipe.options().get("path").toString()));
            String[] trainingHeader = training.get(0);
            int[] columns = featureColumns(trainingHeader);
            names = new ArrayList<>();
            for (int c : columns) {
                names.add(trainingHeader[c]);
            }
            if (noted.offset().length > 0) {
                offset = noted.offset();
                scale = noted.scale();
            } else {
                offset = new double[columns.length];
                scale = new double[columns.length];
                statistics(training.subList(1, training.size()), columns, offset, scale);
            }
        } else {
            // Data that came from no table (a generator): every column but a label is a feature, in the file's order.
            names = new ArrayList<>();
            for (String h : header) {
                if (!h.equalsIgnoreCase("label") && !h.equalsIgnoreCase("label_id")) {
                    names.add(h);
                }
            }
            offset = noted.offset();
            scale = noted.scale();
        }
        if (names.size() != width) {
            throw new IllegalArgumentException("run " + run.runId() + "'s input layer '" + input.nodeId() + "' takes "
                    + width + " features but " + file + " has " + names.size() + " feature columns ("
                    + String.join(", ", names) + ")");
        }
        int[] at = new int[width];
        for (int f = 0; f < width; f++) {
            at[f] = indexOf(header, names.get(f));
            if (at[f] < 0) {
                throw new IllegalArgumentException(file + " has no column '" + names.get(f) + "'; the run trained on the"
                        + " columns " + String.join(", ", names));
            }
        }
        float[] values = new float[body.size() * width];
        for (int r = 0; r < body.size(); r++) {
            String[] cells = body.get(r);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + " line " + (r + 2) + " has " + cells.length
                        + " values but the header has " + header.length + " columns");
            }
            for (int f = 0; f < width; f++) {
                double v;
                try {
                    v = Double.parseDouble(cells[at[f]].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (r + 2) + ": column '" + names.get(f)
                            + "' must be a number, but is '" + cells[at[f]] + "'");
                }
                if (offset.length > 0) {
                    int k = offset.length == 1 ? 0 : f;
                    v = scale[k] > 0 ? (v - offset[k]) / scale[k] : 0;
                }
                values[r * width + f] = (float) v;
            }
        }
        return new Reading(Reading.Kind.TABLE, values, body.size(), null, names, -1);
    }

    private Reading text(Path file) {
        Shape s = input.shape();
        if (!input.type().equals("token_input")) {
            throw new IllegalArgumentException("run " + run.runId() + "'s input layer '" + input.nodeId() + "' takes "
                    + s.describe() + " values, not text; give " + (s.rank() == 3 ? "a PNG or JPEG image"
                    : "a CSV row file"));
        }
        String text;
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException(file + " is larger than 10 MB; predict reads one text");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " as UTF-8 text: " + e.getMessage());
        }
        int length = s.dim(0);
        Node node = run.graph().require(input.nodeId());
        int pad = Math.max(0, LayerCatalog.standard().require(node.type()).resolve(node.params()).getInt("padding_id"));
        FieldTransform noted = data.transform(field);
        List<String> tokens = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        DataRecipe recipe = run.settings().data();
        if (!noted.labels().isEmpty()) {
            boolean lower = Boolean.parseBoolean(noted.options().getOrDefault("lowercase", "false"));
            String t = lower ? text.toLowerCase(Locale.ROOT) : text;
            boolean words = "word".equals(noted.options().getOrDefault("tokenizer", "char"));
            List<String> parts = words ? Arrays.stream(t.trim().split("\\s+")).filter(p -> !p.isEmpty()).toList()
                    : t.codePoints().mapToObj(cp -> new String(Character.toChars(cp))).toList();
            int unknown = Math.max(0, noted.labels().indexOf("<unk>"));
            for (String p : parts) {
                int id = noted.labels().indexOf(p);
                tokens.add(p);
                ids.add(id < 0 ? unknown : id);
            }
        } else if (recipe != null && TextData.KIND.equals(recipe.kind()) && recipe.options().get(TextData.CHARACTERS) != null) {
            TextVocabulary v = TextData.pinnedVocabulary(recipe);
            text.codePoints().forEach(cp -> {
                tokens.add(new String(Character.toChars(cp)));
                ids.add(v.id(cp));
            });
        } else {
            // Data made of token ids (a generator's): the file holds the ids, separated by spaces.
            for (String p : text.trim().split("[\\s,]+")) {
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    ids.add(Integer.parseInt(p));
                    tokens.add(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ": run " + run.runId() + " trained on token ids with no"
                            + " vocabulary, so the text must be ids separated by spaces; found '" + p + "'");
                }
            }
        }
        int vocabulary = LayerCatalog.standard().require(node.type()).resolve(node.params()).getInt("vocabulary");
        for (int id : ids) {
            if (id < 0 || id >= vocabulary) {
                throw new IllegalArgumentException(file + " holds the token id " + id + ", outside the run's vocabulary"
                        + " 0.." + (vocabulary - 1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no text");
        }
        // The last tokens that fit, padded after them: the prediction reads the last real position.
        int from = Math.max(0, ids.size() - length);
        float[] values = new float[length];
        Arrays.fill(values, pad);
        List<String> kept = new ArrayList<>();
        for (int i = from; i < ids.size(); i++) {
            values[i - from] = ids.get(i);
            kept.add(tokens.get(i));
        }
        return new Reading(Reading.Kind.TEXT, values, 1, null, kept, kept.size() - 1);
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    /** Every column but the label ({@code label_id}, else {@code label}, else the last) and a names column beside it. */
    static int[] featureColumns(String[] header) {
        int label = -1;
        for (String name : new String[] {"label_id", "label"}) {
            for (int c = 0; c < header.length && label < 0; c++) {
                if (header[c].equalsIgnoreCase(name)) {
                    label = c;
                }
            }
        }
        if (label < 0) {
            label = header.length - 1;
        }
        int names = header[label].equalsIgnoreCase("label_id") ? indexOf(header, "label") : -1;
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c != label && c != names) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mean and standard deviation of each column over the rows, as the CSV reader standardizes them. */
    private static void statistics(List<String[]> rows, int[] columns, double[] mean, double[] std) {
        for (int f = 0; f < columns.length; f++) {
            double sum = 0;
            double sq = 0;
            for (String[] r : rows) {
                double v = Double.parseDouble(r[columns[f]].trim());
                sum += v;
                sq += v * v;
            }
            mean[f] = sum / rows.size();
            double sd = Math.sqrt(Math.max(0, sq / rows.size() - mean[f] * mean[f]));
            // The reader makes a constant column all zeros; an infinite scale does the same here.
            std[f] = sd > 1e-12 ? sd : Double.MAX_VALUE;
        }
    }

    /** The label names of a CSV table in id order, or null when its labels are ids already. */
    private static List<String> csvLabelNames(Path file) {
        List<String[]> rows = csv(file);
        String[] header = rows.get(0);
        int label = -1;
        for (String name : new String[] {"label_id", "label"}) {
            for (int c = 0; c < header.length && label < 0; c++) {
                if (header[c].equalsIgnoreCase(name)) {
                    label = c;
                }
            }
        }
        label = label < 0 ? header.length - 1 : label;
        TreeSet<String> names = new TreeSet<>();
        boolean ids = true;
        for (String[] r : rows.subList(1, rows.size())) {
            String v = r[label].trim();
            names.add(v);
            ids &= v.matches("\\d+");
        }
        if (header[label].equalsIgnoreCase("label_id")) {
            int namesColumn = indexOf(header, "label");
            if (namesColumn >= 0) {
                String[] byId = new String[names.size()];
                for (String[] r : rows.subList(1, rows.size())) {
                    int id = Integer.parseInt(r[label].trim());
                    if (id < byId.length) {
                        byId[id] = r[namesColumn].trim();
                    }
                }
                return Arrays.asList(byId);
            }
        }
        return ids ? null : List.copyOf(names);
    }

    private static int indexOf(String[] header, String name) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].trim().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /** A small CSV file's rows (header first), cells split at commas outside double quotes. */
    private static List<String[]> csv(Path file) {
        List<String> lines;
        try {
            if (Files.size(file) > 256L << 20) {
                throw new IllegalArgumentException(file + " is larger than 256 MB");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (rows.isEmpty() && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                rows.add(split(line));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; a CSV file needs a header row and data rows");
        }
        return rows;
    }

    private static String[] split(String line) {
        return org.netwright.runner.data.CsvTable.split(line);
    }

    /** The target field of the run's first objective, if the task has one. */
    public DataField target() {
        if (run.task().objectives().isEmpty()) {
            throw new IllegalArgumentException("run " + run.runId() + "'s task has no objective");
        }
        return data.require(run.task().objectives().get(0).target()).field();
    }
}
