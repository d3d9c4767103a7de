/**
 * The open project and the user's files: Workspace (which project is open, recent files, drafts), ProjectSession
 * (one project's store, editor and settings), the sample project, the projects folder (UserFolders) and template
 * layouts prepared for the gallery.
 */
package org.netwright.app.project;
