/**
 * Every run the project keeps, listed and compared: the Runs window (a table of runs with their status, duration,
 * device and final metrics; the validation loss of the chosen runs overlaid on one chart; the settings that differ
 * between two runs) and its view model, which reads stored runs only.
 */
package org.netwright.app.runs;
