/**
 * The network as the user drew it: immutable Graph of Nodes (type, parameters, position, trainable, a composite's
 * body) and Edges between ports, built in linear time with Graph.builder(); plain data, changed only by commands.
 */
package org.netwright.model.graph;
