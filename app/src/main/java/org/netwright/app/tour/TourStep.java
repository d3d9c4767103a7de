package org.netwright.app.tour;

/** One stop of the tour: the control it points at (a CSS selector such as {@code #palette}), a title and a note. */
public record TourStep(String target, String title, String text) {
}
