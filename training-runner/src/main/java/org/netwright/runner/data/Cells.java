package org.netwright.runner.data;

import java.util.Locale;
import java.util.Set;

/** How a table's cell text reads: missing (NA, empty, NaN), a finite number, an infinity, or text. */
final class Cells {
    /** The spellings of a missing value, lower-cased: empty, NA, N/A, NaN, null, None, ?. */
    static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", "#n/a");

    private Cells() {
    }

    /** Whether the cell holds no value. */
    static boolean missing(String cell) {
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    /** The cell as a finite number, or NaN when it is not a number (text, missing, or an infinity: see {@link #infinite}). */
    static double number(String cell) {
        String t = cell.trim();
        if (t.isEmpty() || !looksNumeric(t)) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether the cell spells an infinite value (Infinity, -inf, or a number too large for a double). */
    static boolean infinite(String cell) {
        String t = cell.trim().toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("+inf") || t.equals("-inf") || t.equals("infinity") || t.equals("+infinity")
                || t.equals("-infinity")) {
            return true;
        }
        if (!looksNumeric(t)) {
            return false;
        }
        try {
            return Double.isInfinite(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Java reads "1f", "0x1p3" or "NaN" as numbers; a table's numbers are digits, a sign, a point and an exponent. */
    private static boolean looksNumeric(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }
}
