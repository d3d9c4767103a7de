/**
 * Ready-made networks: Template (graph, data recipe, settings, description), the TemplateLibrary that lists them,
 * one class per family (reference nets, regression, forecasting, autoencoders, sequences, vision, GANs, graphs,
 * tables and texts) and GraphBuilder for chains.
 */
package org.netwright.templates;
