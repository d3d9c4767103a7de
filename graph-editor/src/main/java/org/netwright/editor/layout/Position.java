package org.netwright.editor.layout;

/** Where a card's top-left corner goes, in canvas coordinates. */
public record Position(double x, double y) {
}
