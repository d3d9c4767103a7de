package org.netwright.runner.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.netwright.templates.data.Dataset;

/**
 * Seeded train, validation and test indices of a table's rows; with class labels each class is cut in the same
 * fractions (stratified), so a small class is never missing from the test part by chance.
 */
final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /**
     * Splits {@code rows} (row indices) into train, validation and test: per class when {@code classes} is given
     * (one id per entry of {@code rows}), else as one group; each part is in a seeded random order.
     */
    static int[][] split(int[] rows, int[] classes, double validation, double test, long seed) {
        Random random = new Random(Dataset.stream(seed, Dataset.SPLIT_STREAM));
        List<List<Integer>> groups = new ArrayList<>();
        if (classes == null) {
            groups.add(new ArrayList<>());
            for (int r : rows) {
                groups.get(0).add(r);
            }
        } else {
            int k = Arrays.stream(classes).max().orElse(-1) + 1;
            for (int c = 0; c < k; c++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < rows.length; i++) {
                groups.get(classes[i]).add(rows[i]);
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> tst = new ArrayList<>();
        for (List<Integer> g : groups) {
            int[] order = Dataset.shuffledIndices(g.size(), random);
            int nVal = (int) Math.round(validation * g.size());
            int nTest = (int) Math.round(test * g.size());
            if (nVal + nTest >= g.size() && g.size() > 0) {
                // A class too small to share keeps one sample for training.
                nTest = Math.max(0, Math.min(nTest, g.size() - 1 - nVal));
                nVal = Math.max(0, Math.min(nVal, g.size() - 1 - nTest));
            }
            int nTrain = g.size() - nVal - nTest;
            for (int i = 0; i < g.size(); i++) {
                (i < nTrain ? train : i < nTrain + nVal ? val : tst).add(g.get(order[i]));
            }
        }
        return new int[][] {shuffled(train, random), shuffled(val, random), shuffled(tst, random)};
    }

    private static int[] shuffled(List<Integer> rows, Random random) {
        int[] order = Dataset.shuffledIndices(rows.size(), random);
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(order[i]);
        }
        return out;
    }
}
