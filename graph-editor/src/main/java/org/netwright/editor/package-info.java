/**
 * The editor's state and shared pieces: EditorModel (graph, shapes, selection, command stack, lock during a run),
 * the ports a card shows, drag-and-drop of layers, and the styles the canvas and palette share.
 */
package org.netwright.editor;
