/**
 * The desktop shell: the launcher's dispatch between the app and the CLI (Main), the JavaFX application, the main
 * window, its menus and the File menu's dialogs; it wires the editor, the training panel and the project together.
 */
package org.netwright.app;
