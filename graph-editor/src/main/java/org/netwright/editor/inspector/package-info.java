/**
 * The inspector: the selected layer's typed parameter fields (refusing invalid values with the reason), its
 * explanation and formula, and its trainable switch; every change goes through a command.
 */
package org.netwright.editor.inspector;
