package org.netwright.runner.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A CSV file's header and data rows, every row as long as the header; blank lines are skipped. */
record CsvTable(String[] header, List<String[]> rows) {
    /** The longest line read, in characters: far above any real table's row, far below memory. */
    static final int MAX_LINE = 1 << 20;

    /** Reads the file; a missing, empty, header-only or ragged file is a {@link DataFileException} saying where. */
    static CsvTable read(Path file) {
        DataFiles.require(file);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = readLine(in, file, 1);
            if (line == null) {
                throw new DataFileException(file + " is empty; a CSV file needs a header row and data rows.");
            }
            if (line.startsWith("\uFEFF")) {
                // A byte-order mark (spreadsheets write one) is not part of the first column's name.
                line = line.substring(1);
            }
            String[] header = split(line);
            int lineNo = 1;
            while ((line = readLine(in, file, lineNo + 1)) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                if (cells.length != header.length) {
                    throw new DataFileException(file + " line " + lineNo + " has " + cells.length
                            + " values but the header has " + header.length + " columns.");
                }
                rows.add(cells);
            }
            if (rows.isEmpty()) {
                throw new DataFileException(file + " has a header but no data rows.");
            }
            return new CsvTable(header, rows);
        } catch (NoSuchFileException e) {
            throw new DataFileException("There is no file " + file + ".");
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

    /** Splits one CSV line on commas, honouring double quotes around a value. */
    static String[] split(String line) {
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
            } else if (ch == ',' && !quoted) {
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
