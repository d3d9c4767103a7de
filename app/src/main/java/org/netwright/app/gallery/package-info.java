/**
 * The template gallery: each template's facts (family, task, data, size, when to use it) as plain data, its
 * thumbnail drawn from its laid-out graph, and the window that filters them and opens one as a new unsaved project.
 */
package org.netwright.app.gallery;
