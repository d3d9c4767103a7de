/**
 * The guided tour (Help > Tour, offered once on the first launch): a few steps that each point at one part of the main
 * window with a highlight around it and a note beside it.
 */
package org.netwright.app.tour;
