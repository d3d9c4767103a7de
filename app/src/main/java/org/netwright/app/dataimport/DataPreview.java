package org.netwright.app.dataimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.task.DataField;
import org.netwright.runner.data.DataSummary;
import org.netwright.runner.data.ImageAugmentation;
import org.netwright.runner.data.TableOptions;
import org.netwright.runner.data.Tokenizer;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.GraphSet;
import org.netwright.templates.data.Samples;

/**
 * A first look at the data, one shape per kind: a table's first rows with the label and feature columns marked, texts
 * with their tokens, the first images with their labels, a series with its window, or a drawing of a graph (one graph
 * of a set).
 */
public sealed interface DataPreview {
    /** Rows shown of a table, texts or images. */
    int ROWS = 8;

    /** The first rows of a table; {@code label} is the label column's index (-1 for none), {@code features} marks the rest. */
    record Table(List<String> header, List<List<String>> rows, int label, List<Boolean> features) implements DataPreview {
    }

    /** Texts with their class and their first tokens as the tokenizer cuts them. */
    record Texts(List<Text> texts) implements DataPreview {
    }

    /** One text sample. */
    record Text(String label, String text, List<String> tokens) {
    }

    /**
     * The first images (C×H×W values each) with their class names, and when the recipe asks for augmentation, the
     * first image as the run's training batches would show it: itself, then {@link #AUGMENTED} changed copies.
     */
    record Images(List<Picture> pictures, String augmentSpec, List<Picture> augmented) implements DataPreview {
    }

    /** Augmented copies shown of one image. */
    int AUGMENTED = 7;

    /** One image: {@code channels}×{@code height}×{@code width} values in reading order. */
    record Picture(String label, int channels, int height, int width, float[] values) {
    }

    /** A series' target values in time order, and the window and horizon a sample spans. */
    record Series(String target, double[] values, int window, int horizon) implements DataPreview {
    }

    /** Facts in words. */
    record Facts(List<String> lines) implements DataPreview {
    }

    /** Graphs shown at most this many nodes large; a larger one is told in words only. */
    int DRAWN_NODES = 150;

    /**
     * A small drawing of one graph: node positions in the unit square, its edges as node pairs, each node's class
     * ({@code -1}: the graph's own label is in {@code caption}), and what the drawing shows.
     */
    record GraphPicture(String caption, double[] x, double[] y, List<int[]> edges, int[] nodeClass,
                        List<String> classNames) {
    }

    /** Drawings of graphs: one graph whole, or the first graph of each class of a set. */
    record Graphs(List<GraphPicture> pictures) implements DataPreview {
    }

    /** The preview of a loaded recipe, read from its file (the samples only for images). */
    static DataPreview of(DataRecipe recipe, DataSummary summary, Path source, Samples samples) throws IOException {
        return of(recipe, summary, source, samples, null);
    }

    /** As {@link #of(DataRecipe, DataSummary, Path, Samples)}; {@code graphs}, when given, is the graph data read. */
    static DataPreview of(DataRecipe recipe, DataSummary summary, Path source, Samples samples, Object graphs)
            throws IOException {
        if (graphs instanceof GraphSet set) {
            return firstOfEachClass(set);
        }
        if (graphs instanceof GraphDataset g && g.nodes() <= DRAWN_NODES) {
            int[] cls = g.labels().clone();
            return new Graphs(List.of(drawing("The graph: " + g.nodes() + " nodes, " + g.edgeCount() + " edges,"
                    + " coloured by class", g.nodes(), g.adjacency(), cls, summary.classes())));
        }
        String kind = recipe.kind();
        if (kind.equals("timeseries")) {
            return series(recipe, source);
        }
        if (kind.equals("text_classes")) {
            return texts(recipe, summary, source);
        }
        if ((kind.equals("images") || kind.equals("idx")) && samples != null) {
            Images plain = images(samples);
            Optional<ImageAugmentation> augmentation = ImageAugmentation.of(recipe);
            if (augmentation.isEmpty() || plain.pictures().isEmpty()) {
                return plain;
            }
            return new Images(plain.pictures(), augmentation.get().spec(),
                    augmented(plain.pictures().get(0), augmentation.get(), AUGMENTED, 1));
        }
        if (kind.equals("csv") && summary.kind().equals("table")) {
            return table(summary, source);
        }
        List<String> facts = new ArrayList<>(summary.notices());
        facts.add(0, summary.samples() + " " + (summary.kind().equals("graph") ? "nodes" : "samples") + ", "
                + summary.classes().size() + " classes");
        return new Facts(facts);
    }

    /** Classes of a set drawn side by side, at most. */
    int DRAWN_CLASSES = 4;

    /** The first graph of each class (small enough to draw), captioned with its number and class. */
    private static DataPreview firstOfEachClass(GraphSet set) {
        List<GraphPicture> out = new ArrayList<>();
        boolean[] shown = new boolean[set.numClasses()];
        for (int i = 0; i < set.size() && out.size() < DRAWN_CLASSES; i++) {
            GraphSet.Item item = set.graph(i);
            if (!shown[set.label(i)] && item.nodes() <= DRAWN_NODES) {
                shown[set.label(i)] = true;
                int[] none = new int[item.nodes()];
                java.util.Arrays.fill(none, -1);
                out.add(drawing("Graph " + (i + 1) + " of " + set.size() + ": " + item.nodes() + " nodes, class '"
                        + set.classNames().get(set.label(i)) + "'", item.nodes(), item.adjacency(), none,
                        set.classNames()));
            }
        }
        if (out.isEmpty()) {
            return new Facts(List.of("The graphs are too large to draw here (over " + DRAWN_NODES + " nodes)."));
        }
        return new Graphs(out);
    }

    private static GraphPicture drawing(String caption, int n, float[] adjacency, int[] nodeClass, List<String> names) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (adjacency[i * n + j] != 0) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        double[][] xy = GraphDrawing.layout(n, edges);
        return new GraphPicture(caption, xy[0], xy[1], edges, nodeClass, names);
    }

    private static Table table(DataSummary summary, Path file) throws IOException {
        List<List<String>> lines = lines(file, ROWS + 1);
        List<String> header = lines.isEmpty() ? List.of() : lines.get(0);
        String label = summary.label().orElse("");
        List<Boolean> features = new ArrayList<>();
        for (String column : header) {
            features.add(summary.features().stream().anyMatch(f -> f.equals(column) || f.startsWith(column + "=")));
        }
        return new Table(header, lines.subList(Math.min(1, lines.size()), lines.size()), header.indexOf(label), features);
    }

    private static Texts texts(DataRecipe recipe, DataSummary summary, Path source) throws IOException {
        Object kind = recipe.options().getOrDefault(TableOptions.TOKENIZER, "word");
        Tokenizer tokenizer = new Tokenizer(kind.toString(),
                !Boolean.FALSE.equals(recipe.options().get(TableOptions.LOWERCASE)));
        List<Text> out = new ArrayList<>();
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source, 2)) {
                files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            // One text of each class first, so the preview shows them all.
            for (Path f : files.stream().filter(f -> out.size() < ROWS).toList()) {
                if (out.stream().noneMatch(t -> t.label().equals(f.getParent().getFileName().toString()))) {
                    out.add(text(f.getParent().getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8),
                            tokenizer));
                }
            }
            return new Texts(out);
        }
        List<List<String>> lines = lines(source, ROWS + 1);
        if (lines.isEmpty()) {
            return new Texts(out);
        }
        int text = lines.get(0).indexOf(String.valueOf(recipe.options().get(TableOptions.TEXT_COLUMN)));
        int label = lines.get(0).indexOf(summary.label().orElse(""));
        for (List<String> row : lines.subList(1, lines.size())) {
            out.add(text(label >= 0 && label < row.size() ? row.get(label) : "",
                    text >= 0 && text < row.size() ? row.get(text) : "", tokenizer));
        }
        return new Texts(out);
    }

    private static Text text(String label, String text, Tokenizer tokenizer) {
        List<String> tokens = tokenizer.tokens(text);
        String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return new Text(label, shown.strip(), tokens.subList(0, Math.min(30, tokens.size())));
    }

    private static Images images(Samples samples) {
        Optional<Samples.Column> cls = samples.classField();
        Samples.Column pixels = samples.fields().stream().filter(f -> f.kind() == DataField.Kind.VALUES)
                .findFirst().map(f -> samples.require(f.name())).orElseThrow();
        var shape = pixels.field().shape();
        int c = shape.rank() == 3 ? shape.dims().get(0) : 1;
        int h = shape.rank() == 3 ? shape.dims().get(1) : shape.rank() == 2 ? shape.dims().get(0) : 1;
        int w = shape.rank() == 3 ? shape.dims().get(2) : shape.rank() == 2 ? shape.dims().get(1) : (int) shape.size();
        List<String> names = cls.map(col -> samples.transform(col.field().name()).labels()).orElse(List.of());
        int size = (int) shape.size();
        List<Picture> out = new ArrayList<>();
        for (int i = 0; i < Math.min(2 * ROWS, samples.size()); i++) {
            // One sample at a time: a folder larger than memory is read lazily, and values() would decode it all.
            float[] v = pixels.sample(i);
            String label = cls.map(col -> {
                int id = (int) col.sample(out.size())[0];
                return id < names.size() ? names.get(id) : String.valueOf(id);
            }).orElse("");
            out.add(new Picture(label, c, h, w, v));
        }
        return new Images(out, "", List.of());
    }

    /**
     * The picture first, then {@code copies} copies changed by {@code augmentation} as a training batch changes them
     * (the runner's own {@link ImageAugmentation#apply}, one draw per copy from a generator seeded with {@code seed}).
     */
    static List<Picture> augmented(Picture picture, ImageAugmentation augmentation, int copies, long seed) {
        int size = picture.values().length;
        float[] batch = new float[size * copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(picture.values(), 0, batch, i * size, size);
        }
        augmentation.apply(batch, copies, picture.channels(), picture.height(), picture.width(),
                new java.util.Random(seed));
        List<Picture> out = new ArrayList<>();
        out.add(new Picture("as read", picture.channels(), picture.height(), picture.width(), picture.values()));
        for (int i = 0; i < copies; i++) {
            float[] v = new float[size];
            System.arraycopy(batch, i * size, v, 0, size);
            out.add(new Picture("copy " + (i + 1), picture.channels(), picture.height(), picture.width(), v));
        }
        return out;
    }

    private static Series series(DataRecipe recipe, Path file) throws IOException {
        String target = String.valueOf(recipe.options().get("target"));
        List<List<String>> lines = lines(file, 2001);
        int column = lines.isEmpty() ? -1 : lines.get(0).indexOf(target);
        List<Double> values = new ArrayList<>();
        for (List<String> row : lines.subList(Math.min(1, lines.size()), lines.size())) {
            try {
                values.add(column >= 0 && column < row.size() ? Double.parseDouble(row.get(column).strip()) : Double.NaN);
            } catch (NumberFormatException e) {
                values.add(Double.NaN);
            }
        }
        return new Series(target, values.stream().mapToDouble(Double::doubleValue).toArray(),
                number(recipe.options().get("window"), 24), number(recipe.options().get("horizon"), 1));
    }

    private static int number(Object value, int otherwise) {
        return value == null ? otherwise : Integer.parseInt(value.toString());
    }

    /** The first {@code n} lines of a CSV or TSV file cut into cells (quotes honoured, a byte-order mark dropped). */
    static List<List<String>> lines(Path file, int n) throws IOException {
        char delimiter = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
        List<List<String>> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; out.size() < n && (line = in.readLine()) != null; ) {
                if (out.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    out.add(cells(line, delimiter));
                }
            }
        }
        return out;
    }

    private static List<String> cells(String line, char delimiter) {
        // The runner's own CSV splitting, so the preview shows the cells a run reads.
        return List.of(org.netwright.runner.data.CsvTable.split(line, delimiter));
    }
}
