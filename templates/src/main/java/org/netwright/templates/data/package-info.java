/**
 * Data as named fields (Samples, with splits and the transforms noted per field) and the seeded generators that make
 * it for templates and tests (two moons, shapes, digits, series, tokens, rings of Gaussians, graphs, ...).
 */
package org.netwright.templates.data;
