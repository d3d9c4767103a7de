/**
 * Looking inside a trained run in the app: the confusion matrix with each class's precision and recall, and a
 * saliency map over a chosen test sample with an opacity slider. The view model asks the runner's CLI in a child
 * process ({@code evaluate --json}, {@code explain --sample N --json}), off the UI thread, and holds plain data.
 */
package org.netwright.app.insight;
