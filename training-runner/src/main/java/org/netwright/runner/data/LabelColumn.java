package org.netwright.runner.data;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/** Finds the label column of a CSV table and turns its text into class ids; shared by sample and graph tables. */
final class LabelColumn {
    private LabelColumn() {
    }

    /** The names a table's label column is guessed by, in order of preference (case-insensitive). */
    static final List<String> NAMES = List.of("label_id", "label", "class_id", "class", "target", "y", "species",
            "category", "outcome", "diagnosis", "classification", "sentiment", "rating");

    /** The first column whose name is one of {@link #NAMES}, in the names' order; empty when none is. */
    static OptionalInt guess(String[] header) {
        for (String name : NAMES) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].trim().equalsIgnoreCase(name)) {
                    return OptionalInt.of(c);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The column named {@code label_id}, else {@code label}, else the last column (graph node tables). */
    static int find(String[] header) {
        for (String name : new String[] {"label_id", "label"}) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].equalsIgnoreCase(name)) {
                    return c;
                }
            }
        }
        return header.length - 1;
    }

    /**
     * Fills {@code ids} and returns the class count: whole numbers from 0 stay themselves; any other
     * labels are names, given ids in sorted order.
     */
    static int classIds(String[] text, int[] ids) {
        return classNames(text, ids).size();
    }

    /**
     * As {@link #classIds}, returning the class names in id order (the ids as text when the labels are whole
     * numbers).
     */
    static List<String> classNames(String[] text, int[] ids) {
        boolean numeric = true;
        int max = -1;
        for (int i = 0; i < text.length && numeric; i++) {
            try {
                ids[i] = Integer.parseInt(text[i]);
                numeric = ids[i] >= 0;
                max = Math.max(max, ids[i]);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        if (numeric) {
            return java.util.stream.IntStream.range(0, max + 1).mapToObj(String::valueOf).toList();
        }
        List<String> names = new ArrayList<>(new TreeSet<>(List.of(text)));
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        for (int i = 0; i < text.length; i++) {
            ids[i] = index.get(text[i]);
        }
        return List.copyOf(names);
    }
}
