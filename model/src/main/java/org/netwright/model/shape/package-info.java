/**
 * Shapes and shape inference: what arrives at every port and what every node gives (GraphShapes, NodeReport with the
 * reason a node's inputs do not fit), inferred once for the editor, the app and the runner alike, and incrementally
 * after an edit.
 */
package org.netwright.model.shape;
