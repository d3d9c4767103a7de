package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Breaks a card's title into at most a given number of lines of a given width, at spaces; a word wider than a line,
 * or words left over, end the last line with an ellipsis. Measured with the font the title is drawn in.
 */
final class TitleLines {
    private static final String ELLIPSIS = "\u2026";
    /** One text node reused for measuring (FX thread only, like every card). */
    private static final Text MEASURE = new Text();

    private TitleLines() {
    }

    /** The title as lines joined by newlines, each at most {@code width} wide in {@code font}. */
    static String wrap(String title, Font font, double width, int maxLines) {
        MEASURE.setFont(font);
        List<String> lines = new ArrayList<>();
        String line = "";
        String[] words = title.trim().split("\\s+");
        int i = 0;
        while (i < words.length && lines.size() < maxLines) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (width(candidate) <= width) {
                line = candidate;
                i++;
            } else if (line.isEmpty()) {
                // One word longer than the line: as much of it as fits.
                lines.add(shorten(words[i], width));
                i++;
            } else {
                lines.add(line);
                line = "";
            }
        }
        if (!line.isEmpty() && lines.size() < maxLines) {
            lines.add(line);
        }
        if (i < words.length && !lines.isEmpty()) {
            // Words left over: the last line says so.
            int last = lines.size() - 1;
            lines.set(last, shorten(lines.get(last) + ELLIPSIS, width));
        }
        return String.join("\n", lines);
    }

    private static double width(String s) {
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** {@code s} cut to fit {@code width} with an ellipsis at its end, or whole when it fits. */
    private static String shorten(String s, double width) {
        if (width(s) <= width) {
            return s;
        }
        String body = s.endsWith(ELLIPSIS) ? s.substring(0, s.length() - 1) : s;
        for (int n = body.length() - 1; n > 0; n--) {
            String cut = body.substring(0, n) + ELLIPSIS;
            if (width(cut) <= width) {
                return cut;
            }
        }
        return ELLIPSIS;
    }
}
