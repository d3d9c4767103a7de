/**
 * Automatic layout: where each card of a graph goes, computed by Eclipse ELK's layered algorithm from the graph and
 * the cards' sizes. Pure functions without JavaFX; the canvas, the template gallery and imports call them.
 */
package org.netwright.editor.layout;
