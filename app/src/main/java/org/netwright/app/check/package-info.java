/**
 * The training panel's quick checks: "Overfit one batch" and "Find learning rate…". {@link
 * org.netwright.app.check.CheckViewModel} runs {@code netwright check-overfit|lr-find PROJECT --json} in a child JVM
 * through {@link org.netwright.app.exchange.CliJob} and holds the verdict and the curve; {@link
 * org.netwright.app.check.CheckWindow} shows them (loss per step, or loss against a logarithmic rate axis with the
 * suggested rate marked) and hands "Use this rate" to the settings form.
 */
package org.netwright.app.check;
