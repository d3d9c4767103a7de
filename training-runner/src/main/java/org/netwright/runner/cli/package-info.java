/**
 * The {@code netwright} command line: one class per sub-command (train, summary, catalog, templates, generate,
 * bench), the flags they share (TrainingFlags, DataFlags) and the one place that turns bad input into one line and
 * an exit status ({@link org.netwright.runner.cli.Cli}).
 */
package org.netwright.runner.cli;
