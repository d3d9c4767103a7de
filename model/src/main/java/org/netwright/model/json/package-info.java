/**
 * The JSON forms of model data: graphs ({@code netwright-graph} files), training settings and tasks. Readers refuse
 * text that is not such data with a message that says what is wrong and where.
 */
package org.netwright.model.json;
