/**
 * The user's own templates: networks saved with their data recipe and settings as JSON files in the user's Netwright
 * folder ({@code ~/.netwright/templates}), listed beside the built-in ones. A file that cannot be read is reported
 * with its reason and left as it is.
 */
package org.netwright.templates.user;
