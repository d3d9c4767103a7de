package org.netwright.runner.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file's header and data rows, every row as long as the header; blank lines are skipped, and {@code lines}
 * keeps each row's line number in the file for messages. A {@code .tsv} file is split on tabs.
 */
public record CsvTable(String[] header, List<String[]> rows, int[] lines) {
    /** The longest line read, in characters: far above any real table's row, far below memory. */
    static final int MAX_LINE = 1 << 20;

    /** Reads the file; a missing, empty, header-only or ragged file is a {@link DataFileException} saying where. */
    static CsvTable read(Path file) {
        DataFiles.require(file);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        char delimiter = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = readLine(in, file, 1);
            if (line == null) {
                throw new DataFileException(file + " is empty; a CSV file needs a header row and data rows.");
            }
            if (line.startsWith("\uFEFF")) {
                // A byte-order mark (spreadsheets write one) is not part of the first column's name.
                line = line.substring(1);
            }
            String[] header = split(line, delimiter);
            int lineNo = 1;
            while ((line = readLine(in, file, lineNo + 1)) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line, delimiter);
                if (cells.length != header.length) {
                    throw new DataFileException(file + " line " + lineNo + " has " + cells.length
                            + " values but the header has " + header.length + " columns.");
                }
                rows.add(cells);
                lines.add(lineNo);
            }
            if (rows.isEmpty()) {
                throw new DataFileException(file + " has a header but no data rows.");
            }
            return new CsvTable(header, rows, lines.stream().mapToInt(Integer::intValue).toArray());
        } catch (NoSuchFileException e) {
            throw new DataFileException("There is no file " + file + ".");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFileException(file + " line " + Utf8.firstBadLine(file) + " is not UTF-8 text; save the file"
                    + " as UTF-8.");
        } catch (IOException e) {
            throw new DataFileException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * One line without its end (\n, \r\n or \r), or null at the end of the file; a line longer than
     * {@link #MAX_LINE} is refused before it fills memory (a file that is not text may have no line ends at all).
     */
    static String readLine(BufferedReader in, Path file, int lineNo) throws IOException {
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            }
            if (line.length() == MAX_LINE) {
                throw new DataFileException(file + " line " + lineNo + " is longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_LINE)
                        + " characters; is it a CSV file?");
            }
            line.append((char) c);
            c = in.read();
        }
        return line.toString();
    }

    /** Whether every value of the column reads as a number. */
    boolean numeric(int column) {
        for (String[] row : rows) {
            try {
                Float.parseFloat(row[column]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The line number in the file of data row {@code row} (0 is the first row after the header). */
    int line(int row) {
        return lines[row];
    }

    /** The column named {@code name} (case-insensitive), or -1. */
    int column(String name) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /** Splits one CSV line on commas, honouring double quotes around a value. */
    public static String[] split(String line) {
        return split(line, ',');
    }

    /** Splits one line on {@code delimiter}, honouring double quotes around a value (cells trimmed). */
    public static String[] split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == delimiter && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().trim());
        return cells.toArray(String[]::new);
    }
}
