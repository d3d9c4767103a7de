/**
 * The open project and the user's files: Workspace (which project is open, recent files, drafts), ProjectSession
 * (one project's store, editor and settings), the sample project, the projects folder (UserFolders), template
 * layouts prepared for the gallery, what opening a project needs loaded in the background (OpenWarmUp) and the
 * first project's opening begun while JavaFX starts (OpeningAhead).
 */
package org.netwright.app.project;
