/**
 * The layer catalog: every block a user can place (LayerSpec: typed parameters, ports, the explanation and formula
 * shown in the inspector, the shape rule, parameter and MAC counts equal to PyTorch's), grouped by family.
 */
package org.netwright.model.catalog;
