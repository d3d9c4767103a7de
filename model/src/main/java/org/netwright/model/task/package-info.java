/**
 * A run's task, as plain data: the network's ends (its input and output layers with their shapes), the
 * fields a dataset offers, and the bindings between them (which field feeds each input layer, which output
 * goes into which loss against which field, which metrics are reported). {@link
 * org.netwright.model.task.TaskProposal} proposes a task from a graph and a dataset's fields; the runner,
 * the CLI's {@code --explain-task} and the app's training panel all read the same {@link
 * org.netwright.model.task.Task}.
 */
package org.netwright.model.task;
