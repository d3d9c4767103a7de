/**
 * From a graph to a DJL block: GraphCompiler walks the nodes in order and each catalog type's LayerImplementation
 * builds its block; our own NDArray blocks stand in where DJL's PyTorch engine fails (see PLATFORM-NOTES).
 */
package org.netwright.runner.compile;
