/**
 * Drawing samples from a trained generative model with saved weights: a GAN's generator or a VAE's decoder run on
 * fresh noise ({@link org.netwright.runner.generate.GanSampler}), a causal language model's token sequences
 * ({@link org.netwright.runner.generate.TokenSampler}; as characters for a text
 * model, {@link org.netwright.runner.generate.TextSampler}), and the files they are written to
 * ({@link org.netwright.runner.generate.SampleFiles}).
 */
package org.netwright.runner.generate;
