/** Helpers that write large projects for measuring how fast the app opens them, and the timings themselves. */
package org.netwright.app.bench;
