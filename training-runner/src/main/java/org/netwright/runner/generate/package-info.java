/** Drawing samples from a trained generative model: a GAN's generator run on fresh noise with saved weights. */
package org.netwright.runner.generate;
