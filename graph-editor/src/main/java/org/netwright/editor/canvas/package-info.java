/**
 * The canvas: cards for nodes (drawn only near the view), edges routed orthogonally, wiring with compatibility
 * hints, selection, zoom and pan, the minimap; it draws the EditorModel and changes it only through commands.
 */
package org.netwright.editor.canvas;
