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

    /** Reads the file; a missing, empty, header-only or ragged file is a {@link DataFileException} saying where. */
    static CsvTable read(Path file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null) {
                throw new DataFileException(file + " is empty; a CSV file needs a header row and data rows.");
            }
            String[] header = split(line);
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
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
