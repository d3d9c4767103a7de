package org.netwright.runner.data;

import java.nio.file.Path;
import java.util.List;
import org.netwright.model.shape.Shape;
import org.netwright.templates.data.Dataset;

/**
 * Reads a CSV table with a header row: the label column is {@code label_id}, else {@code label},
 * else the last column; every other column is a numeric feature, standardised to mean 0 and
 * standard deviation 1, except a {@code label} column beside {@code label_id}, which names the same classes. Labels that are all whole numbers from 0 are class ids; any other labels are
 * names, given ids in sorted order.
 */
public final class CsvData {
    private CsvData() {
    }

    public static Dataset read(Path file) {
        CsvTable table = CsvTable.read(file);
        String[] header = table.header();
        List<String[]> rows = table.rows();
        if (header.length < 2) {
            throw new DataFileException(file + " needs at least one feature column and one label column.");
        }
        int labelCol = LabelColumn.find(header);
        int namesCol = classNames(header, labelCol);
        int width = header.length - (namesCol < 0 ? 1 : 2);
        DataFiles.requireRoom(file + "'s " + rows.size() + " rows of " + width + " features", (double) rows.size() * width);
        float[] features = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            int f = 0;
            for (int c = 0; c < header.length; c++) {
                if (c == labelCol || c == namesCol) {
                    continue;
                }
                String cell = rows.get(r)[c];
                try {
                    features[r * width + f++] = Float.parseFloat(cell);
                } catch (NumberFormatException e) {
                    throw new DataFileException(file + " line " + (r + 2) + ": column '" + header[c]
                            + "' must be a number, but is '" + cell + "'.");
                }
            }
        }
        standardise(features, width);
        String[] labelText = rows.stream().map(cells -> cells[labelCol]).toArray(String[]::new);
        int[] labels = new int[rows.size()];
        int classes = LabelColumn.classIds(labelText, labels);
        if (classes < 2) {
            throw new DataFileException(file + ": the label column '" + header[labelCol] + "' has only one class.");
        }
        return new Dataset(features, Shape.of(width), labels, classes);
    }

    /**
     * The column of class names that goes with a {@code label_id} column (sklearn's tables such as iris have both),
     * or -1: read as a feature, the names would make the file unreadable.
     */
    private static int classNames(String[] header, int labelCol) {
        if (!header[labelCol].equalsIgnoreCase("label_id")) {
            return -1;
        }
        for (int c = 0; c < header.length; c++) {
            if (header[c].equalsIgnoreCase("label")) {
                return c;
            }
        }
        return -1;
    }

    /** Standardises each column in place; a constant column becomes all zeros. */
    private static void standardise(float[] values, int width) {
        int rows = values.length / width;
        for (int c = 0; c < width; c++) {
            double sum = 0;
            double sq = 0;
            for (int r = 0; r < rows; r++) {
                double v = values[r * width + c];
                sum += v;
                sq += v * v;
            }
            double mean = sum / rows;
            double std = Math.sqrt(Math.max(0, sq / rows - mean * mean));
            double scale = std > 1e-12 ? 1 / std : 0;
            for (int r = 0; r < rows; r++) {
                values[r * width + c] = (float) ((values[r * width + c] - mean) * scale);
            }
        }
    }
}
