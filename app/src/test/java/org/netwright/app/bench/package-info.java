/** Helpers that write large projects for measuring how fast the app opens them. */
package org.netwright.app.bench;
