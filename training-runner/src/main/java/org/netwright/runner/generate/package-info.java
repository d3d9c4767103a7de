/**
 * Drawing samples from a trained generative model: a GAN's generator run on fresh noise with saved weights, and a
 * causal character-level language model writing text.
 */
package org.netwright.runner.generate;
