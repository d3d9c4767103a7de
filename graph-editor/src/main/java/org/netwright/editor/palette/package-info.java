/**
 * The palette: layers grouped by family with a search that matches names first, dragged or double-clicked onto the
 * canvas.
 */
package org.netwright.editor.palette;
