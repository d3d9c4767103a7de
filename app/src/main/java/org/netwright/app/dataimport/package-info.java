/**
 * File > Import Data…: a file or folder of the user's data read as a run would read it (kind, samples, classes,
 * split, the network input's shapes, the first problem) with a preview, saved into the project's settings with a
 * content hash of the source ({@link org.netwright.app.dataimport.SourceHash}) and the network fitted to it as one
 * undoable edit.
 */
package org.netwright.app.dataimport;
