package org.netwright.app.theme;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** How wide a table column must be to show its title whole in the theme's bold header font. */
public final class ColumnTitles {
    private ColumnTitles() {
    }

    /** The width a column needs to show {@code title} whole, with room for the header's padding and sort arrow. */
    public static double width(String title) {
        Text t = new Text(title);
        t.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Math.max(13, Font.getDefault().getSize())));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 28;
    }
}
